"""The coach's cohort view: many bundles, each client under a name, one self-contained escaped page."""

from __future__ import annotations

import datetime as dt
import re
import stat
from pathlib import Path

import pytest
from test_share import COMPANIES, COUNTED_ONLY, TEXTS, fill

from workbook.cli import main
from workbook.journal import Journal
from workbook.records import MoodEntry
from workbook.share import Cohort, client_names, gather, load_cohort, write_bundle
from workbook.share.page import render_cohort
from workbook.template import load_template

HOSTILE_NOTE = "<img src=x onerror=alert(1)> & sorry"


def bundle_of(folder: Path, name: str, included: tuple[str, ...], *, charts: bool = False) -> Path:
    """Share the small journal (plus a note holding markup) as ``name`` with ``included``."""
    with Journal(folder / f"{name}.db") as journal:
        fill(journal)
        journal.add(MoodEntry(at=dt.datetime(2026, 8, 1, 20, 0), mood=6, note=HOSTILE_NOTE))
        bundle = gather(journal, load_template(), included)
        return write_bundle(folder / f"{name}.zip", bundle.members() if charts else bundle.data)


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Three clients: one shares everything (with charts), one only notes, one nothing extra."""
    folder = tmp_path_factory.mktemp("bundles")
    return [
        bundle_of(folder, "ana", ("feedback", "notes", "reflections", "companies"), charts=True),
        bundle_of(folder, "ben", ("notes",)),
        bundle_of(folder, "cy", ()),
    ]


@pytest.fixture(scope="module")
def page(bundles: list[Path], tmp_path_factory: pytest.TempPathFactory) -> str:
    """The cohort page of the three bundles, labelled by the coach for two of them (one label hostile)."""
    out = tmp_path_factory.mktemp("page") / "cohort.html"
    assert (
        main(["cohort", *map(str, bundles), "--out", str(out), "--labels", "Ana,<script>alert(1)</script>"])
        == 0
    )
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    return out.read_text(encoding="utf-8")


def section(page: str, heading: str) -> str:
    """The part of the page from the ``<h2>`` named ``heading`` to the next ``<h2>``."""
    start = page.index(f"<h2>{heading}</h2>")
    end = page.find("<h2>", start + 1)
    return page[start : end if end >= 0 else len(page)]


def test_each_client_is_named_by_the_coach_or_numbered(page: str) -> None:
    headings = re.findall(r"<h2>(.*?)</h2>", page)
    assert headings[-3:] == ["Ana", "&lt;script&gt;alert(1)&lt;/script&gt;", "Client 3"]
    assert "<script" not in page.lower()


def test_the_page_is_self_contained(page: str) -> None:
    assert not re.search(r"(?i)<(script|link|iframe|object|embed)\b", page)
    assert "http://" not in page and "https://" not in page
    sources = re.findall(r'src="([^"]*)"', page)
    assert sources and all(source.startswith("data:image/png;base64,") for source in sources)
    # The cohort's three charts, plus the charts Ana's bundle carried.
    assert len(sources) > 3


def test_a_client_shows_only_what_their_bundle_holds(page: str) -> None:
    ana, ben, cy = (
        section(page, name) for name in ("Ana", "&lt;script&gt;alert(1)&lt;/script&gt;", "Client 3")
    )
    assert all(text in ana for text in (*TEXTS["feedback"], *TEXTS["reflections"]))
    assert TEXTS["notes"][4] in ben and not any(
        text in ben for text in (*TEXTS["feedback"], *TEXTS["reflections"])
    )
    assert not any(text in cy for text in (*TEXTS["feedback"], *TEXTS["notes"], *TEXTS["reflections"]))
    assert "counts, metrics and charts only" in cy
    # Company names only where Ana included them; nothing that is only ever counted, anywhere.
    assert COMPANIES[0] in ana and not any(company in ben + cy for company in COMPANIES)
    assert not any(text in page for text in COUNTED_ONLY)


def test_every_shared_text_is_escaped(page: str) -> None:
    assert HOSTILE_NOTE not in page
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; sorry" in page


def test_rejections_recoveries_themes_and_check_ins_per_client(bundles: list[Path]) -> None:
    cohort = Cohort.read(bundles, ["Ana", "", "Cy"])
    overview = cohort.overview()
    assert list(overview["client"]) == ["Ana", "Client 2", "Cy"]
    assert list(overview["rejections"]) == [2, 2, 2]
    assert list(overview["median_recovery_days"]) == [5.0, 5.0, 5.0]
    assert list(overview["latest_score"]) == [3.5, 3.5, 3.5]
    assert list(overview["score_change"]) == [1.0, 1.0, 1.0]
    recoveries = cohort.recoveries()
    named = ["Application 1", "Application 2"]
    assert list(recoveries["application"]) == [*COMPANIES[:2], *named, *named]  # companies only where shared
    themes = cohort.themes()
    assert themes.loc[themes["label"] == "Technical depth", ["items", "clients"]].values.tolist() == [[3, 3]]
    assert len(cohort.check_ins()) == 9


def test_the_page_has_the_cohort_tables(page: str) -> None:
    glance = section(page, "Clients at a glance")
    assert glance.count("<tr>") == 4  # a heading row and one row per client
    assert "Technical depth" in section(page, "Feedback themes across your clients")
    assert section(page, "Days to recover after each rejection").count("<tr>") == 7


def test_more_labels_than_bundles_is_one_line(bundles: list[Path], tmp_path: Path, capsys) -> None:
    out = tmp_path / "cohort.html"
    code = main(["cohort", *map(str, bundles), "--out", str(out), "--labels", "A,B,C,D"])
    assert code == 2
    assert (
        capsys.readouterr().err == "error: --labels: gives 4 names for 3 bundles; give one name per bundle\n"
    )
    assert not out.exists()


def test_client_names_keep_empty_places_numbered() -> None:
    assert client_names(3, "A,,C") == ["A", "Client 2", "C"]
    assert client_names(2) == ["Client 1", "Client 2"] == client_names(2, "")
    assert client_names(2, "A,") == ["A", "Client 2"]


def test_a_folder_of_bundles_reads_in_name_order(bundles: list[Path], tmp_path: Path) -> None:
    cohort = load_cohort(bundles[0].parent)
    assert [client.bundle.path.name for client in cohort.clients] == ["ana.zip", "ben.zip", "cy.zip"]
    empty = load_cohort(tmp_path / "nothing-here")
    assert len(empty) == 0
    assert "No bundles found in" in empty.waiting()
    assert empty.overview().empty and empty.themes().empty and empty.check_ins().empty
    assert "<h1>Your clients</h1>" in render_cohort(empty)
