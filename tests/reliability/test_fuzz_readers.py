"""The template and bundle readers, driven with generated hostile files (issue 22, "Fuzzing, not only lists").

Template: YAML built from hostile data (deep nesting, escaped surrogates, huge
numbers, control characters, long text) or raw bytes.  Property:
:func:`load_template` returns a template or raises one :class:`TemplateError`
of one line naming the file; `workbook init` exits 0, or 2 with one line and
no folder.

Bundle: a real bundle with one field of one member made hostile, or a member
replaced by hostile bytes.  Property: :func:`read_bundle` refuses it with one
:class:`BundleError` line naming the bundle and the member, or accepts it,
and then every view of the cohort (its tables, its three charts, the page)
is drawn without an error.  Never a traceback.
"""

from __future__ import annotations

import json
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import event, given
from hypothesis import strategies as st

from reliability.fuzz_budget import budget
from reliability.harness import run_main
from workbook.errors import BundleError, TemplateError
from workbook.template import load_template

characters = st.characters(codec=None)
SCALARS = [
    "9" * 5_000, 10**30, -1, 0, 1e308, float("inf"), float("nan"), "", " ", "\x00", "a\x00b", "\ud83d",
    "\ud83d\ude00", "\udcff", "x" * 20_001, "\u202e", "\x1b[31m", "{{ title }}", "<script>alert(1)</script>",
    "9999-12-31", "0001-01-01", True, None, "!!python/object:os.system", "*alias", "&anchor",
]  # fmt: skip
scalar = st.one_of(st.sampled_from(SCALARS), st.text(characters, max_size=30), st.integers(), st.floats())
TEMPLATE_KEYS = [
    "title", "coach", "welcome", "checklists", "prompts", "questions", "emotions", "tags", "themes",
    "self_review", "checkin", "support", "notebooks", "widgets", "text", "items", "id", "every_days",
    "statements", "reverse", "bands", "extra",
]  # fmt: skip
data = st.recursive(
    scalar,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(TEMPLATE_KEYS), inner, max_size=3)
    ),
    max_leaves=12,
)


@st.composite
def template_texts(draw: st.DrawFn) -> bytes:
    """A coach's file: hostile data as YAML, sometimes wrapped very deep, sometimes raw bytes."""
    choice = draw(st.integers(0, 3))
    if choice == 3:
        return draw(st.binary(max_size=300))
    body = {draw(st.sampled_from(TEMPLATE_KEYS)): draw(data) for _ in range(draw(st.integers(1, 3)))}
    text = yaml.safe_dump(body, allow_unicode=draw(st.booleans()), width=draw(st.sampled_from([80, 10**9])))
    if choice == 1:
        depth = draw(st.sampled_from([31, 33, 500, 20_000]))
        text += "extra: " + "[" * depth + "]" * depth + "\n"
    if choice == 2:
        depth = draw(st.sampled_from([20, 40, 300]))
        text += "extra:\n" + "".join(f"{' ' * n}k{n}:\n" for n in range(1, depth)) + " " * depth + "x: 1\n"
    return text.encode("utf-8", "surrogatepass")


@budget(120)
@given(text=template_texts())
def test_a_hostile_template_loads_or_is_refused_in_one_line(text: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "coach.yaml"
        path.write_bytes(text)
        try:
            load_template(path)
        except TemplateError as error:
            event("refused")
            assert "\n" not in str(error) and str(error).startswith(str(path)), str(error)
        else:
            event("loaded")


@budget(15)
@given(text=template_texts())
def test_init_with_a_hostile_template_builds_or_refuses_in_one_line(
    text: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "coach.yaml"
        path.write_bytes(text)
        target = Path(folder) / "workbook"
        code, _out, err = run_main(["init", str(target), "--template", str(path)], capsys)
        event(f"exit {code}")
        assert "Traceback" not in err
        if code == 2:
            lines = err.splitlines()
            assert len(lines) == 1 and lines[0].startswith("error: "), err
            assert not target.exists(), "a refused template left a folder behind"
        else:
            assert code == 0, err


# --- bundles --------------------------------------------------------------------------------------

MEMBERS = ["manifest.json", "counts.json", "rejections.json", "themes.json", "check_ins.json", "notes.json"]
json_value = st.one_of(
    st.sampled_from(
        [*SCALARS, "9999-12-31T23:59:59", "1899-12-31", "2026-02-30", [], {}, ["\ud83d"], 10**400]
    ),
    st.integers(-(10**30), 10**30),
    st.floats(),
    st.text(characters, max_size=30),
    st.lists(st.text(characters, max_size=5), max_size=3),
)


@pytest.fixture(scope="module")
def good_members(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The data members of a real bundle of a small journal, every free text opted in."""
    from test_share import filled_journal

    from workbook.journal import Journal
    from workbook.share.contents import gather

    folder = tmp_path_factory.mktemp("bundle")
    with Journal(filled_journal(folder / "journal.db")) as journal:
        return gather(journal, load_template(), ("notes", "feedback", "reflections", "companies")).data


def dumped(value: Any) -> bytes:
    """``value`` as JSON, as a hostile program might write it (NaN, and ints past Python's 4,300 digits)."""
    try:
        return json.dumps(value).encode("utf-8", "surrogatepass")
    except ValueError:  # an int too long for str(): written out by hand
        return b"1" + b"0" * 5_000


@st.composite
def hostile_bundles(draw: st.DrawFn, good: dict[str, bytes]) -> dict[str, bytes]:
    """The good members with one field of one record made hostile, or one member replaced by bytes."""
    members = dict(good)
    member = draw(st.sampled_from(MEMBERS))
    if draw(st.integers(0, 5)) == 0:
        members[member] = draw(
            st.one_of(st.binary(max_size=200), st.sampled_from([b"[" * 100_000, b"{}", b"[]", b"null"]))
        )
        return members
    data = json.loads(good[member])
    target = data[draw(st.integers(0, len(data) - 1))] if isinstance(data, list) else data
    key = draw(st.sampled_from(sorted(target)))
    parts = dumped(draw(json_value))
    text = json.dumps({**target, key: "@@HOSTILE@@"}).encode()
    replaced = text.replace(b'"@@HOSTILE@@"', parts)
    if isinstance(data, list):
        index = data.index(target)
        rest = [json.dumps(row).encode() for row in data]
        rest[index] = replaced
        members[member] = b"[" + b",".join(rest) + b"]"
    else:
        members[member] = replaced
    return members


def zipped(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return path


@budget(150)
@given(data=st.data())
def test_a_hostile_bundle_is_refused_in_one_line_or_every_view_draws(
    good_members: dict[str, bytes], data: st.DataObject
) -> None:
    from matplotlib import pyplot

    from workbook.share.cohort import Cohort

    members = data.draw(hostile_bundles(good_members))
    with tempfile.TemporaryDirectory() as folder:
        bundle = zipped(Path(folder) / "client.zip", members)
        try:
            cohort = Cohort.read([bundle])
        except BundleError as error:
            event("refused")
            assert "\n" not in str(error) and str(error).startswith(f"{bundle}: "), str(error)
            return
        event("accepted")
        cohort.overview(), cohort.recoveries(), cohort.themes(), cohort.check_ins()
        for figure in cohort.charts().values():
            pyplot.close(figure)


@budget(12)
@given(data=st.data())
def test_cohort_on_a_hostile_bundle_writes_a_page_or_refuses_in_one_line(
    good_members: dict[str, bytes], data: st.DataObject, capsys: pytest.CaptureFixture[str]
) -> None:
    members = data.draw(hostile_bundles(good_members))
    with tempfile.TemporaryDirectory() as folder:
        bundle = zipped(Path(folder) / "client.zip", members)
        page = Path(folder) / "cohort.html"
        code, _out, err = run_main(["cohort", str(bundle), "--out", str(page)], capsys)
        event(f"exit {code}")
        assert "Traceback" not in err
        if code == 2:
            assert len(err.splitlines()) == 1 and err.startswith(f"error: {bundle}: "), err
            assert not page.exists()
        else:
            assert code == 0 and page.stat().st_size > 0, err
