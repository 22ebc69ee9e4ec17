"""What the faster notebooks rest on stays what it was: the built-in files read the same, and still pass every check."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import ipywidgets as w
import pandas as pd
import pytest

from workbook.template import DEFAULT_TEMPLATE, TEMPLATES, _builtin, _validator, checks, load_template, merge
from workbook.template.source import read_file, read_shipped
from workbook.themes import DEFAULT_VOCABULARY, _default_vocabulary, load_vocabulary
from workbook.widgets.form import button, checkbox, shared

SHIPPED = [DEFAULT_TEMPLATE, *sorted(TEMPLATES.glob("*.yaml")), DEFAULT_VOCABULARY]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_a_shipped_file_reads_the_same_by_libyaml_as_by_pyyaml(path: Path) -> None:
    fast, slow = read_shipped(path), read_file(path)
    assert fast.data == slow.data
    assert dict(fast.lines) == dict(slow.lines)
    assert fast.file == slow.file


def test_the_built_in_template_passes_every_check_a_coach_template_meets() -> None:
    # The built-in template is not checked when a kernel loads it; this is where it is checked.
    checks.check(merge.alone(_builtin()), _validator())
    assert load_template() == load_template({})


def test_the_built_in_vocabulary_is_the_one_read_from_its_file() -> None:
    assert _default_vocabulary() == load_vocabulary(DEFAULT_VOCABULARY)


def test_a_coach_template_with_a_mistake_is_still_refused(tmp_path: Path) -> None:
    from workbook.errors import TemplateError

    path = tmp_path / "coach.yaml"
    path.write_text("title: 5\n", encoding="utf-8")
    with pytest.raises(TemplateError, match="coach.yaml:1: title"):
        load_template(path)


def test_jsonschema_loads_without_the_format_libraries_and_leaves_them_importable() -> None:
    code = (
        "import sys\n"
        "from workbook.template.checks import _FORMAT_LIBRARIES, _import_jsonschema\n"
        "_import_jsonschema()\n"
        "assert 'jsonschema' in sys.modules\n"
        "assert not [n for n in _FORMAT_LIBRARIES if n in sys.modules], sys.modules.keys()\n"
        "import idna\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_widgets_alike_share_one_layout_and_style_but_a_hideable_button_has_its_own() -> None:
    first, second = button("Edit", lambda: None), button("Delete", lambda: None)
    assert first.layout is second.layout and first.style is second.style
    assert first.layout.width == "auto"
    hideable = button("Discard", lambda: None, hideable=True)
    hideable.layout.display = "none"
    assert hideable.layout is not first.layout and first.layout.display is None
    assert checkbox("a").layout is checkbox("b", True).layout


def test_a_closed_shared_model_is_made_again() -> None:
    layout = shared(w.Layout, width="3em")
    layout.close()
    again = shared(w.Layout, width="3em")
    assert again is not layout and again.comm is not None


# --- answers kept (workbook.memo.remembered) ------------------------------------------


def _counting() -> tuple[list[int], object]:
    from workbook.memo import remembered

    calls: list[int] = []

    @remembered
    def tags_per_row(frame: pd.DataFrame, least: int = 0) -> pd.DataFrame:
        calls.append(1)
        return pd.DataFrame({"n": [len(tags) for tags in frame["tags"]]}).query("n >= @least")

    return calls, tags_per_row


def test_the_same_frames_again_get_the_kept_answer_as_a_copy_of_its_own() -> None:
    calls, tags_per_row = _counting()
    frame = pd.DataFrame({"tags": [["walked"], ["slept badly", "walked"]]})
    first = tags_per_row(frame)
    first.loc[0, "n"] = 99  # a caller changing its answer changes no one else's
    again = tags_per_row(frame.copy())
    assert calls == [1] and again["n"].tolist() == [1, 2]


def test_a_changed_list_a_changed_dtype_or_another_argument_is_worked_out_anew() -> None:
    calls, tags_per_row = _counting()
    frame = pd.DataFrame({"tags": [["walked"], ["slept badly", "walked"]]})
    tags_per_row(frame)
    assert tags_per_row(pd.DataFrame({"tags": [["walked"], ["walked"]]}))["n"].tolist() == [1, 1]
    assert tags_per_row(frame, least=2)["n"].tolist() == [2]
    assert tags_per_row(frame, 2)["n"].tolist() == [2]
    assert len(calls) == 4


def test_a_frame_changed_in_place_after_the_call_is_not_mistaken_for_the_one_kept() -> None:
    calls, tags_per_row = _counting()
    frame = pd.DataFrame({"tags": [["walked"], ["slept badly", "walked"]]})
    tags_per_row(frame)
    frame.loc[1, "tags"] = ["walked"]
    assert tags_per_row(frame)["n"].tolist() == [1, 1] and len(calls) == 2


def test_rejection_metrics_kept_equal_the_ones_worked_out_anew() -> None:
    from workbook.metrics import rejection_metrics

    applications = pd.DataFrame(
        {
            "id": [1, 2],
            "company": ["A", "B"],
            "role": ["r", "r"],
            "applied_on": pd.to_datetime(["2026-01-01", "2026-01-20"]),
            "outcome": ["rejected", "rejected"],
            "outcome_on": pd.to_datetime(["2026-01-15", "2026-02-01"]),
        }
    )
    days = pd.date_range("2026-01-01", "2026-02-10", freq="D")
    moods = pd.DataFrame({"at": days, "mood": [6 if d.day % 7 else 3 for d in days]})
    fresh = rejection_metrics.__wrapped__(applications, moods)  # type: ignore[attr-defined]
    pd.testing.assert_frame_equal(rejection_metrics(applications, moods), fresh)
    pd.testing.assert_frame_equal(rejection_metrics(applications.copy(), moods.copy()), fresh)
    later = moods.assign(mood=moods["mood"].where(moods["at"] != "2026-01-16", 1))
    assert not rejection_metrics(applications, later).equals(fresh)


def test_a_shared_layout_refuses_to_change_rather_than_hide_every_widget_drawn_with_it() -> None:
    first = button("Edit", lambda: None)
    with pytest.raises(RuntimeError, match="shared Layout cannot change"):
        first.layout.display = "none"
    assert button("Delete", lambda: None).layout.display is None


def test_the_application_choices_read_from_the_frame_are_the_ones_named_from_records(journal) -> None:
    import datetime as dt

    from workbook.records import Application
    from workbook.widgets import choices

    assert choices.applications(journal, none="none") == [("none", choices.NONE)]
    day = dt.date(2026, 3, 4)
    for company, role, applied in [
        ("B & co", "Role <1>", day),
        ("A", "Ünï", day),
        ("C", "r", dt.date(2025, 1, 2)),
    ]:
        journal.add(Application(company=company, role=role, applied_on=applied))
    apps = sorted(journal.records(Application), key=lambda app: (app.applied_on, app.id), reverse=True)
    named = [("none", choices.NONE), *((choices.application_label(app), app.id) for app in apps)]
    assert choices.applications(journal, none="none") == named
    assert [key for _, key in named[1:3]] == [2, 1]  # the same day: the later one first
