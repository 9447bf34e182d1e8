"""Figures and reports: matplotlib figures of designs and their results, self-contained HTML
(and PDF) reports. matplotlib is imported lazily, inside the functions that draw."""

__all__ = ["figures", "results", "html", "style"]
