"""The widgets of the workbook: each takes a Journal (and a template's texts) and writes records through it.

Each widget keeps its ipywidgets container in ``.widget``; a notebook cell that
ends in the widget object shows it.  Importing this package loads ipywidgets,
so ``import workbook`` does not import it.
"""

from workbook.widgets.actions import ActionTracker
from workbook.widgets.checklist import ChecklistForm
from workbook.widgets.journal_view import JournalView
from workbook.widgets.mood import MoodLogger
from workbook.widgets.questions import QuestionBank
from workbook.widgets.reflection import ReflectionForm
from workbook.widgets.rejection import RejectionLog
from workbook.widgets.support import SupportLog, SupportNotice

__all__ = [
    "ActionTracker",
    "ChecklistForm",
    "JournalView",
    "MoodLogger",
    "QuestionBank",
    "ReflectionForm",
    "RejectionLog",
    "SupportLog",
    "SupportNotice",
]
