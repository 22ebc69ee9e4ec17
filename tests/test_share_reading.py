"""Bundles are untrusted: every hostile or broken bundle is refused with one line, and no page is written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from test_share import filled_journal

from workbook.cli import main
from workbook.errors import BundleError, WorkbookError
from workbook.journal import Journal
from workbook.share import reading
from workbook.share.contents import gather
from workbook.share.reading import read_bundle
from workbook.template import load_template

MB = 1024 * 1024


@pytest.fixture(scope="module")
def good_members(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The data members of a real bundle of the small journal (charts left out: they are not needed here)."""
    folder = tmp_path_factory.mktemp("good")
    with Journal(filled_journal(folder / "journal.db")) as journal:
        return gather(journal, load_template(), ("notes",)).data


def zipped(
    path: Path, members: dict[str, bytes], extra: Callable[[zipfile.ZipFile], None] | None = None
) -> Path:
    """Write ``members`` as a zip at ``path``, then let ``extra`` add entries of its own."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        if extra is not None:
            extra(archive)
    return path


def entry(
    name: str, data: bytes, *, mode: int = 0o100600, stored: bool = False
) -> Callable[[zipfile.ZipFile], None]:
    """An ``extra`` that adds one entry named ``name`` exactly as given (no clean-up of the name)."""

    def add(archive: zipfile.ZipFile) -> None:
        info = zipfile.ZipInfo("placeholder")
        info.filename = name  # ZipInfo would tidy some names; a hostile bundle does not
        info.external_attr = mode << 16
        info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
        archive.writestr(info, data)

    return add


def refusal(bundle: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], good: Path) -> str:
    """Run `workbook cohort GOOD BUNDLE`; assert it failed with one line and wrote no page; return the line."""
    page = tmp_path / "cohort.html"
    code = main(["cohort", str(good), str(bundle), "--out", str(page)])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.err.count("\n") == 1, captured.err
    assert not page.exists()
    return captured.err.rstrip("\n")


@pytest.fixture
def good(tmp_path: Path, good_members: dict[str, bytes]) -> Path:
    """A bundle that reads well."""
    return zipped(tmp_path / "good.zip", good_members)


def test_a_good_bundle_reads_back(good: Path) -> None:
    bundle = read_bundle(good)
    assert (bundle.format_version, bundle.included) == (1, ("notes",))
    assert bundle.counts["check_ins"] == 3
    assert [row["application"] for row in bundle.rejections] == ["Application 1", "Application 2"]
    assert len(bundle.texts["notes"]) == 3


def test_the_limits_are_50_and_200_megabytes() -> None:
    assert reading.MEMBER_LIMIT == 50 * MB
    assert reading.BUNDLE_LIMIT == 200 * MB


HOSTILE_NAMES = [
    ("../escaped.json", "holds '../escaped.json', a path that leads out of the bundle"),
    ("charts/../../escaped.png", "holds 'charts/../../escaped.png', a path that leads out of the bundle"),
    ("/tmp/escaped.json", "holds '/tmp/escaped.json', an absolute path"),
    ("C:/Users/escaped.json", "holds 'C:/Users/escaped.json', a path on a drive"),
    ("C:escaped.json", "holds 'C:escaped.json', a path on a drive"),
    ("..\\escaped.json", "holds '..\\\\escaped.json', a path that leads out of the bundle"),
    ("extra.txt", "holds 'extra.txt', which is not part of a bundle"),
    ("charts/", "holds 'charts/', which is not part of a bundle"),
]


@pytest.mark.parametrize(("name", "reason"), HOSTILE_NAMES)
def test_a_member_path_outside_the_bundle_is_refused(
    name: str, reason: str, tmp_path: Path, good: Path, good_members: dict[str, bytes], capsys
) -> None:
    bundle = zipped(tmp_path / "hostile.zip", good_members, entry(name, b"{}"))
    before = sorted(os.listdir(tmp_path)), sorted(os.listdir(tmp_path.parent))
    assert refusal(bundle, tmp_path, capsys, good) == f"error: {bundle}: {reason}"
    assert (sorted(os.listdir(tmp_path)), sorted(os.listdir(tmp_path.parent))) == before  # nothing extracted


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_a_name_given_twice_is_refused(
    tmp_path: Path, good: Path, good_members: dict[str, bytes], capsys
) -> None:
    bundle = zipped(tmp_path / "twice.zip", good_members, entry("counts.json", b"{}"))
    assert refusal(bundle, tmp_path, capsys, good) == f"error: {bundle}: holds 'counts.json' twice"


def test_a_symbolic_link_is_refused(
    tmp_path: Path, good: Path, good_members: dict[str, bytes], capsys
) -> None:
    bundle = zipped(
        tmp_path / "link.zip", good_members, entry("charts/recovery.png", b"/etc/passwd", mode=0o120777)
    )
    line = refusal(bundle, tmp_path, capsys, good)
    assert (
        line
        == f"error: {bundle}: holds 'charts/recovery.png' as a symbolic link; a bundle holds plain files only"
    )


def test_a_member_over_the_limit_is_refused_while_reading(
    tmp_path: Path, good: Path, good_members: dict[str, bytes], capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "MEMBER_LIMIT", 1 * MB)
    monkeypatch.setattr(reading, "RATIO_FLOOR", 100 * MB)  # so that the size limit, not the ratio, speaks
    members = {**good_members, "notes.json": b" " * (2 * MB)}
    bundle = zipped(tmp_path / "big.zip", members)
    [info] = [i for i in zipfile.ZipFile(bundle).infolist() if i.filename == "notes.json"]
    assert info.compress_size < 20_000  # highly compressible: a small file that unpacks large
    assert (
        refusal(bundle, tmp_path, capsys, good) == f"error: {bundle}: notes.json is over 1 MB once unpacked"
    )


def test_a_member_over_50_megabytes_is_refused_at_the_real_limit(
    tmp_path: Path, good: Path, good_members: dict[str, bytes], capsys
) -> None:
    noise = os.urandom(51 * MB)  # does not compress, so only the size limit can refuse it
    others = {name: data for name, data in good_members.items() if name != "notes.json"}
    bundle = zipped(tmp_path / "big.zip", others, entry("notes.json", noise, stored=True))
    assert (
        refusal(bundle, tmp_path, capsys, good) == f"error: {bundle}: notes.json is over 50 MB once unpacked"
    )


def test_a_bundle_over_the_total_limit_is_refused(
    tmp_path: Path, good: Path, good_members: dict[str, bytes], capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "BUNDLE_LIMIT", 3 * MB)
    # Four members under the ratio floor, each small packed: only their sum passes the limit, while reading.
    names = ("recovery", "funnel", "check_ins", "dip_by_stage")
    pieces = {f"charts/{name}.png": b"\x89PNG\r\n\x1a\n" + bytes(900 * 1024) for name in names}
    bundle = zipped(tmp_path / "many.zip", {**good_members, **pieces})
    assert bundle.stat().st_size < MB
    assert refusal(bundle, tmp_path, capsys, good) == f"error: {bundle}: is over 3 MB once unpacked"


def test_a_file_larger_than_the_bundle_limit_is_refused_before_it_is_opened(
    tmp_path: Path, good: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "BUNDLE_LIMIT", 1 * MB)
    bundle = tmp_path / "huge.zip"
    bundle.write_bytes(os.urandom(2 * MB))
    assert refusal(bundle, tmp_path, capsys, good) == f"error: {bundle}: is over 1 MB"


def test_a_zip_bomb_is_refused_at_the_real_limits(
    tmp_path: Path, good: Path, good_members: dict[str, bytes], capsys
) -> None:
    bundle = zipped(tmp_path / "bomb.zip", {**good_members, "notes.json": bytes(45 * MB)})
    assert bundle.stat().st_size < MB
    line = refusal(bundle, tmp_path, capsys, good)
    assert line == f"error: {bundle}: notes.json unpacks to over 200 times its size (a zip bomb?)"


def test_a_header_that_understates_the_size_does_not_help(
    tmp_path: Path, good: Path, good_members: dict[str, bytes], capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "MEMBER_LIMIT", 1 * MB)
    monkeypatch.setattr(reading, "RATIO_FLOOR", 100 * MB)
    bundle = zipped(tmp_path / "liar.zip", {**good_members, "notes.json": b"[" + b" " * (2 * MB) + b"]"})
    raw = bytearray(bundle.read_bytes())
    # Say "3 bytes" in the central directory's uncompressed size of notes.json.
    at = raw.rindex(b"notes.json") - 46 + 24
    raw[at : at + 4] = (3).to_bytes(4, "little")
    bundle.write_bytes(bytes(raw))
    assert zipfile.ZipFile(bundle).getinfo("notes.json").file_size == 3
    line = refusal(bundle, tmp_path, capsys, good)
    # Only the 3 bytes the header claims are read; they fail the member's checksum.
    assert (
        line
        == f"error: {bundle}: is not a bundle (not a readable zip file: Bad CRC-32 for file 'notes.json')"
    )


def manifest_with(good_members: dict[str, bytes], **changes: object) -> dict[str, bytes]:
    manifest = json.loads(good_members["manifest.json"])
    manifest.update(changes)
    return {**good_members, "manifest.json": json.dumps(manifest).encode()}


def with_first(members: dict[str, bytes], member: str, **changes: object) -> bytes:
    """``member`` (a JSON list) with its first record changed."""
    rows = json.loads(members[member])
    rows[0].update(changes)
    return json.dumps(rows).encode()


BROKEN = [
    ("not-a-zip", lambda m: None, "is not a bundle (not a readable zip file: File is not a zip file)"),
    (
        "bad-json",
        lambda m: {**m, "manifest.json": b'{"format_version": 1,'},
        "manifest.json is not valid JSON",
    ),
    ("a-list", lambda m: {**m, "manifest.json": b"[1]"}, "manifest.json is not a JSON object"),
    (
        "version-2",
        lambda m: manifest_with(m, format_version=2),
        "format version 2 is not one this workbook reads (it reads version 1)",
    ),
    (
        "version-text",
        lambda m: manifest_with(m, format_version="1"),
        "manifest.json: format_version is missing or not a whole number",
    ),
    (
        "no-manifest",
        lambda m: {k: v for k, v in m.items() if k != "manifest.json"},
        "has no manifest.json; it is not a summary bundle",
    ),
    (
        "not-opted-in",
        lambda m: manifest_with(m, included=[]),
        "holds notes.json though its manifest does not include notes",
    ),
    (
        "nan",
        lambda m: {**m, "check_ins.json": b'[{"at": "2026-07-01T09:00:00", "score": NaN}]'},
        "check_ins.json is not valid JSON",
    ),
    (
        "bad-score",
        lambda m: {**m, "check_ins.json": b'[{"at": "2026-07-01T09:00:00", "score": 9}]'},
        "check_ins.json: record 1: score: 9 is not a number from 1 to 5",
    ),
    (
        "time-zone",
        lambda m: {**m, "check_ins.json": b'[{"at": "2026-07-01T09:00:00+05:00", "score": 3}]'},
        "check_ins.json: record 1: at is missing or of the wrong kind",
    ),
    (
        "huge-days",
        lambda m: {
            **m,
            "rejections.json": json.dumps(
                [{**json.loads(m["rejections.json"])[0], "recovery_days": 10**30}]
            ).encode(),
        },
        "rejections.json: record 1: recovery_days: 1000000000000000000000000000000 is not a number from 0 to 100000",
    ),
    (
        "huge-count",
        lambda m: {**m, "counts.json": b'{"applications": 100000000000000000000}'},
        "counts.json must map each kind of record to a whole number",
    ),
    ("deep", lambda m: {**m, "themes.json": b"[" * 100_000}, "themes.json is not valid JSON"),
    # dates and numbers past what the journal holds, which the cohort's charts cannot draw (issue 22, defect 9)
    (
        "year-9999",
        lambda m: {**m, "check_ins.json": b'[{"at": "9999-12-31T23:59:59", "score": 3}]'},
        "check_ins.json: record 1: at: '9999-12-31T23:59:59' is not between 1900-01-01 and ",
    ),
    (
        "year-0001",
        lambda m: {**m, "check_ins.json": b'[{"at": "0001-01-01T00:00:00", "score": 3}]'},
        "check_ins.json: record 1: at: '0001-01-01T00:00:00' is not between 1900-01-01 and ",
    ),
    (
        "rejected-in-year-3000",
        lambda m: {**m, "rejections.json": with_first(m, "rejections.json", rejected_on="3000-01-01")},
        "rejections.json: record 1: rejected_on: '3000-01-01' is not between 1900-01-01 and ",
    ),
    (
        "created-in-1066",
        lambda m: manifest_with(m, created="1066-10-14T09:00:00"),
        "manifest.json: created: '1066-10-14T09:00:00' is not between 1900-01-01 and ",
    ),
    (
        "note-dated-2999",
        lambda m: {**m, "notes.json": with_first(m, "notes.json", on="2999-01-01")},
        "notes.json: record 1: on: '2999-01-01' is not between 1900-01-01 and ",
    ),
    (
        "score-infinite",
        lambda m: {**m, "check_ins.json": b'[{"at": "2026-07-01T09:00:00", "score": 1e400}]'},
        "check_ins.json: record 1: score: inf is not a number from 1 to 5",
    ),
    (
        "score-5000-digits",
        lambda m: {**m, "check_ins.json": b'[{"at": "2026-07-01T09:00:00", "score": ' + b"9" * 5000 + b"}]"},
        "check_ins.json is not valid JSON",
    ),
    (
        "dip-minus-a-million",
        lambda m: {**m, "rejections.json": with_first(m, "rejections.json", dip=-1e6)},
        "rejections.json: record 1: dip: -1000000.0 is not a number from -10 to 10",
    ),
    (
        "theme-items-negative",
        lambda m: {**m, "themes.json": b'[{"theme": "t", "label": "T", "items": -1}]'},
        "themes.json: record 1: items: -1 is not a number from 0 to 1000000000",
    ),
    (
        "note-too-long",
        lambda m: {**m, "notes.json": with_first(m, "notes.json", text="n" * 20_001)},
        "notes.json: record 1: text: is 20,001 characters long; the limit is 20,000",
    ),
    (
        "title-too-long",
        lambda m: manifest_with(m, title="t" * 20_001),
        "manifest.json: title: is 20,001 characters long; the limit is 20,000",
    ),
    (
        "count-name-too-long",
        lambda m: {**m, "counts.json": json.dumps({"k" * 101: 1}).encode()},
        "counts.json: 'kkkkkkkkk",
    ),
    # an escaped half of a UTF-16 pair: valid JSON, but no text (issue 22, defect 11)
    (
        "lone-surrogate",
        lambda m: {**m, "notes.json": with_first(m, "notes.json", text="Coach \ud83d")},
        "notes.json: record 1: text: holds an escaped character that is not valid text (\\ud83d); "
        "write the character itself",
    ),
    (
        "surrogates-reversed",
        lambda m: manifest_with(m, title="\ude00\ud83d"),
        "manifest.json: title: holds an escaped character that is not valid text (\\ude00); "
        "write the character itself",
    ),
    (
        "fake-png",
        lambda m: {**m, "charts/funnel.png": b"<svg onload=alert(1)>"},
        "charts/funnel.png is not a PNG image",
    ),
]


@pytest.mark.parametrize(("name", "change", "reason"), BROKEN, ids=[case[0] for case in BROKEN])
def test_a_broken_bundle_is_refused_with_its_reason(
    name: str,
    change: Callable,
    reason: str,
    tmp_path: Path,
    good: Path,
    good_members: dict[str, bytes],
    capsys,
) -> None:
    bundle = tmp_path / f"{name}.zip"
    members = change(good_members)
    if members is None:
        bundle.write_text("just some text, not a zip\n")
    else:
        zipped(bundle, members)
    line = refusal(bundle, tmp_path, capsys, good)
    assert line.startswith(f"error: {bundle}: {reason}")


def test_an_escaped_pair_is_one_character_and_reads_back(
    tmp_path: Path, good_members: dict[str, bytes]
) -> None:
    bundle = zipped(tmp_path / "pair.zip", manifest_with(good_members, title="Coach \ud83d\ude00"))
    assert b"\\ud83d\\ude00" in zipfile.ZipFile(bundle).read("manifest.json")
    assert read_bundle(bundle).title == "Coach \U0001f600"


def test_every_date_and_number_the_reader_accepts_draws(
    tmp_path: Path, good_members: dict[str, bytes]
) -> None:
    """The extremes a bundle may hold (1900, today and its margin, every bound) go through the cohort's charts."""
    import datetime as dt

    from workbook.share.cohort import Cohort

    latest = (dt.date.today() + dt.timedelta(days=reading.DAYS_AHEAD)).isoformat()
    rejection = json.loads(good_members["rejections.json"])[0]
    members = {
        **manifest_with(good_members, created=f"{latest}T23:59:59"),
        "check_ins.json": json.dumps(
            [{"at": "1900-01-01T00:00:00", "score": 1}, {"at": f"{latest}T23:59:59", "score": 5}]
        ).encode(),
        "rejections.json": json.dumps(
            [
                {**rejection, "rejected_on": "1900-01-01", "dip": -10, "recovery_days": reading.MAX_DAYS},
                {**rejection, "rejected_on": latest, "dip": 10, "baseline": 10, "recovery_days": 0},
            ]
        ).encode(),
        "themes.json": json.dumps([{"theme": "t" * 100, "label": "x", "items": reading.MAX_COUNT}]).encode(),
    }
    cohort = Cohort.read([zipped(tmp_path / "edges.zip", members)])
    figures = cohort.charts()
    assert set(figures) == {"recoveries", "themes", "check_ins"}
    page = tmp_path / "cohort.html"
    assert main(["cohort", str(tmp_path / "edges.zip"), "--out", str(page)]) == 0
    assert page.stat().st_size > 0


def test_a_refusal_is_a_workbook_error_naming_the_bundle(tmp_path: Path) -> None:
    bundle = tmp_path / "empty.zip"
    bundle.write_bytes(b"")
    with pytest.raises(BundleError) as refused:
        read_bundle(bundle)
    assert isinstance(refused.value, WorkbookError)
    assert refused.value.bundle == str(bundle)


def test_in_its_own_process_a_hostile_bundle_is_one_line_and_exit_2(
    tmp_path: Path, good: Path, good_members: dict[str, bytes]
) -> None:
    bundle = zipped(tmp_path / "hostile.zip", good_members, entry("../escaped.json", b"{}"))
    page = tmp_path / "cohort.html"
    done = subprocess.run(
        [sys.executable, "-m", "workbook", "cohort", str(good), str(bundle), "--out", str(page)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert done.stderr == f"error: {bundle}: holds '../escaped.json', a path that leads out of the bundle\n"
    assert not page.exists() and not (tmp_path.parent / "escaped.json").exists()
