"""Moved to :mod:`unsclab.views` (the view-model shared by web, report and figures)."""

from unsclab.views.design import *  # noqa: F401,F403
from unsclab.views.design import __all__  # noqa: F401
