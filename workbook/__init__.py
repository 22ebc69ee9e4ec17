"""Rebound: a workbook for getting through job rejections.

``import workbook`` is cheap: it loads neither matplotlib nor Jupyter.
"""

from workbook.errors import ValidationError, WorkbookError
from workbook.journal import Journal
from workbook.session import Workbook
from workbook.session import open_workbook as open  # noqa: A001 - `workbook.open()` reads well in a notebook

__all__ = ["Journal", "ValidationError", "Workbook", "WorkbookError", "open"]
__version__ = "0.1.0"
