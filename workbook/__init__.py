"""Rebound: a workbook for getting through job rejections.

``import workbook`` is cheap: it loads neither matplotlib nor Jupyter.
"""

from workbook.errors import ValidationError, WorkbookError
from workbook.journal import Journal

__all__ = ["Journal", "ValidationError", "WorkbookError"]
__version__ = "0.1.0"
