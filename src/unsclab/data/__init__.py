"""Data layer: the source registry and fetcher, one reader per source, the committed fact tables.

Nothing here touches files at import time. Entry points:

- :mod:`unsclab.data.registry` — the raw source files (path, SHA-256, pinned public URL);
- :mod:`unsclab.data.fetch` — :func:`~unsclab.data.fetch.locate` finds (or downloads) a
  verified copy: ``$UNSCLAB_DATA`` first, then the user cache;
- :mod:`unsclab.data.readers` — one reader per source, returning pandas tables with documented
  columns and dtypes; the GA sources added later each have their own module:
  :mod:`unsclab.data.ga_v33` (Voeten v33 roll calls to June 2024),
  :mod:`unsclab.data.idealpoints` (ideal points 1946–2025) and :mod:`unsclab.data.ga_compare`
  (v33 against ``unvotes``);
- committed tables (``members.csv``, ``historical_states.csv``, ``sciencespo_names.csv``, …),
  described in ``SOURCES.md``.
"""
