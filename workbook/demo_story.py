"""Moved to :mod:`workbook.demo.story`; this name stays only until tests/test_journal_opening.py imports from there."""

from workbook.demo.story import APPLICATIONS, CALLS, SPAN, StoryApplication

__all__ = ["APPLICATIONS", "CALLS", "SPAN", "StoryApplication"]
