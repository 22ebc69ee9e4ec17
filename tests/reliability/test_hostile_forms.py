"""Hostile and mistaken input in the widgets and in coach templates.

Widgets: the person types into the form and presses Save (``Button.click()``,
no browser needed).  The reason shows under the field it names, the status
line says "Not saved", every field keeps what was typed, and the journal is
exactly as it was.  Templates: ``load_template`` refuses a bad file with one
line naming the file and the field (or YAML line).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from reliability.harness import content, seed
from workbook.errors import TemplateError
from workbook.journal import Journal
from workbook.template import DEFAULT_TEMPLATE, load_template
from workbook.widgets import MoodLogger, RejectionLog

TODAY = dt.date.today()


@dataclass(frozen=True)
class Typed:
    """What the person types into a form (control name -> value), and the field whose error must show."""

    id: str
    form: str  # "mood" or "rejection"
    values: dict[str, Any]
    field: str
    section: str = ""


APPLICATION = {"company": "Initech", "role": "Tester", "applied_on": dt.date(2025, 4, 1)}


def rejection(**changes: Any) -> dict[str, Any]:
    """A filled-in rejection log with some controls changed."""
    return {**APPLICATION, **changes}


FORM_CASES = [
    Typed("mood-when-a-word", "mood", {"at": "yesterday"}, "at"),
    Typed("mood-when-in-the-future", "mood", {"at": "2999-01-01 10:00"}, "at"),
    Typed("mood-when-year-25-typo", "mood", {"at": "0025-01-01 10:00"}, "at"),
    Typed("mood-when-30-february", "mood", {"at": "2025-02-30 10:00"}, "at"),
    Typed("mood-own-feeling-with-semicolon", "mood", {"own_emotions": "sad;angry"}, "emotions"),
    Typed("mood-own-feeling-101-characters", "mood", {"own_emotions": "f" * 101}, "emotions"),
    Typed("mood-own-activity-with-semicolon", "mood", {"own_tags": "walk;run"}, "tags"),
    Typed("mood-note-over-the-limit", "mood", {"note": "n" * 20_001, "mood": 2}, "note"),
    Typed("mood-note-with-nul", "mood", {"note": "before\x00after"}, "note"),
    Typed("rejection-company-empty", "rejection", rejection(company=""), "company", "application"),
    Typed("rejection-company-only-spaces", "rejection", rejection(company="   "), "company", "application"),
    Typed("rejection-company-201-characters", "rejection", rejection(company="c" * 201), "company", "application"),
    Typed("rejection-no-application-date", "rejection", rejection(applied_on=None), "applied_on", "application"),
    Typed(
        "rejection-applied-in-the-future", "rejection",
        rejection(applied_on=TODAY + dt.timedelta(days=3)), "applied_on", "application",
    ),
    Typed("rejection-applied-1899", "rejection", rejection(applied_on=dt.date(1899, 12, 31)), "applied_on", "application"),
    Typed("rejection-rejected-without-a-date", "rejection", rejection(outcome="rejected"), "outcome_on", "application"),
    Typed(
        "rejection-outcome-before-applied", "rejection",
        rejection(outcome="rejected", outcome_on=dt.date(2025, 3, 1)), "outcome_on", "application",
    ),
    Typed(
        "rejection-pending-with-a-date", "rejection",
        rejection(outcome_on=dt.date(2025, 4, 2)), "outcome_on", "application",
    ),
    Typed("rejection-notes-with-nul", "rejection", rejection(notes="a\x00b"), "notes", "application"),
]  # fmt: skip


def _form(kind: str, journal: Journal) -> MoodLogger | RejectionLog:
    return MoodLogger(journal) if kind == "mood" else RejectionLog(journal)


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in FORM_CASES])
def test_a_form_refuses_bad_input_under_its_field_and_keeps_every_word(case: Typed, tmp_path: Path) -> None:
    path = seed(tmp_path / "journal.db")
    before = content(path)
    with Journal(path) as journal:
        form = _form(case.form, journal)
        for name, value in case.values.items():
            getattr(form, name).value = value
        typed = {name: getattr(form, name).value for name in case.values}

        form.save_button.click()

        assert form.error_text(case.field, section=case.section), f"nothing shows under {case.field}"
        assert form.status_text.startswith("Not saved"), form.status_text
        assert {name: getattr(form, name).value for name in case.values} == typed, "typed text was lost"
    assert content(path) == before, "a refused form changed the journal"


# --- coach templates ----------------------------------------------------------------


def _default() -> dict[str, Any]:
    return yaml.safe_load(DEFAULT_TEMPLATE.read_text(encoding="utf-8"))


def _changed(change: Any) -> str:
    data = _default()
    change(data)
    return yaml.safe_dump(data, allow_unicode=True)


@dataclass(frozen=True)
class BadTemplate:
    """A coach's template file and what its one error line must name."""

    id: str
    text: str | bytes
    names: tuple[str, ...] = field(default=())


TEMPLATE_CASES = [
    BadTemplate("yaml-unclosed-bracket", "title: Rebound\nmood: [unclosed\n", ("coach.yaml:3:",)),
    BadTemplate("yaml-tab-indentation", "title: Rebound\nmood:\n\tlow: x\n", ("coach.yaml:3:",)),
    BadTemplate("yaml-python-object-tag", "title: !!python/object/apply:os.system ['echo hi']\n"),
    BadTemplate("a-list-not-a-mapping", "- title\n- mood\n", ("template",)),
    BadTemplate("an-empty-file", ""),
    BadTemplate("not-utf8", b"title: R\xe9bound\n"),
    BadTemplate("unknown-section", _changed(lambda d: d.update(salary=5)), ("salary",)),
    BadTemplate("title-empty", _changed(lambda d: d.update(title="")), ("title",)),
    BadTemplate(
        "too-few-feelings", _changed(lambda d: d["mood"].update(emotions=["sad"])), ("mood.emotions",)
    ),
    BadTemplate("feelings-a-number", _changed(lambda d: d["mood"].update(emotions=5)), ("mood.emotions",)),
    BadTemplate(
        # A partial template keeps the built-in checklists; only `replace:` can drop the call checklist.
        "call-checklist-missing",
        _changed(lambda d: (d["checklists"].pop("call_covered"), d.update(replace=["checklists"]))),
        ("call_covered",),
    ),
    BadTemplate(
        "checklist-id-with-spaces",
        _changed(lambda d: d["checklists"].update({"Has Spaces": d["checklists"]["call_covered"]})),
        ("checklists",),
    ),
]


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in TEMPLATE_CASES])
def test_a_malformed_template_is_refused_naming_file_and_field(case: BadTemplate, tmp_path: Path) -> None:
    path = tmp_path / "coach.yaml"
    if isinstance(case.text, bytes):
        path.write_bytes(case.text)
    else:
        path.write_text(case.text, encoding="utf-8")
    with pytest.raises(TemplateError) as refused:
        load_template(path)
    message = str(refused.value)
    assert "\n" not in message and str(path) in message, message
    for name in case.names:
        assert name in message, f"{message!r} does not name {name!r}"
