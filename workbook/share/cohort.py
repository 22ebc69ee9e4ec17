"""The coach's view of many clients: each bundle under a name, and the cohort's DataFrames.

A :class:`Cohort` holds checked bundles (:func:`workbook.share.reading.read_bundle`)
and hands out pure DataFrames of what they hold: one row per client, the
recoveries per rejection, the themes across clients and the check-in scores
over time.  It never adds anything a bundle does not hold: company names
appear only for a client who included them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from workbook.errors import ValidationError
from workbook.messages import COHORT_COLUMNS, COHORT_DEFAULT_NAME, COHORT_NO_BUNDLES, COHORT_THEME_COLUMNS
from workbook.share.reading import ClientBundle, read_bundle, read_folder

if TYPE_CHECKING:
    from matplotlib.figure import Figure


@dataclass(frozen=True)
class Client:
    """One client: the name the coach reads, and what their bundle holds."""

    name: str
    bundle: ClientBundle


def client_names(count: int, labels: Sequence[str] | str | None = None) -> list[str]:
    """The name of each of ``count`` clients: the coach's label where given, else "Client n".

    ``labels`` is a list or "A,B,C"; an empty place ("A,,C") keeps the default
    name.  More labels than bundles raises :class:`ValidationError` on ``--labels``.
    """
    given = labels.split(",") if isinstance(labels, str) else list(labels or [])
    while given and not str(given[-1]).strip():  # "" and "A,B," name no one more
        given.pop()
    if len(given) > count:
        raise ValidationError(
            "--labels", f"gives {len(given)} names for {count} bundles; give one name per bundle"
        )
    names = [str(text).strip() for text in given] + [""] * (count - len(given))
    return [name or COHORT_DEFAULT_NAME.format(number=number) for number, name in enumerate(names, 1)]


class Cohort:
    """Many clients' bundles, read and checked; its methods are DataFrames and figures of them."""

    def __init__(self, clients: Sequence[Client], *, folder: str | None = None) -> None:
        self.clients = list(clients)
        self.folder = folder

    @classmethod
    def read(
        cls, paths: Sequence[str | os.PathLike[str]], labels: Sequence[str] | str | None = None
    ) -> Cohort:
        """Read every bundle in ``paths`` (all are checked before any is used)."""
        names = client_names(len(paths), labels)
        return cls([Client(name, read_bundle(path)) for name, path in zip(names, paths, strict=True)])

    @classmethod
    def from_folder(cls, folder: str | os.PathLike[str], labels: Sequence[str] | str | None = None) -> Cohort:
        """Read the bundles (``*.zip``) in ``folder``, by file name; none when the folder is missing or empty."""
        cohort = cls.read(read_folder(folder), labels)
        cohort.folder = str(folder)
        return cohort

    def __len__(self) -> int:
        return len(self.clients)

    def waiting(self) -> str:
        """What to do when there are no bundles yet ("" when there are)."""
        return COHORT_NO_BUNDLES.format(folder=self.folder or ".") if not self.clients else ""

    # --- DataFrames ------------------------------------------------------------------------

    def overview(self) -> pd.DataFrame:
        """One row per client: rejections, how many recovered, median days to recover, check-ins and scores."""
        rows = [_overview_row(client) for client in self.clients]
        return pd.DataFrame(rows, columns=list(COHORT_COLUMNS))

    def recoveries(self) -> pd.DataFrame:
        """One row per shared rejection: client, application (company where shared), role, date, dip, days to recover."""
        rows = [
            {
                "client": client.name,
                "application": row.get("company") or row["application"],
                "role": row["role"],
                "rejected_on": pd.Timestamp(row["rejected_on"]),
                "dip": row["dip"],
                "recovery_days": row["recovery_days"],
                "recovered": row["recovered"],
            }
            for client in self.clients
            for row in client.bundle.rejections
        ]
        columns = ["client", "application", "role", "rejected_on", "dip", "recovery_days", "recovered"]
        frame = pd.DataFrame(rows, columns=columns)
        frame["recovery_days"] = frame["recovery_days"].astype("Int64")
        frame["dip"] = frame["dip"].astype("float64")
        return frame

    def themes(self) -> pd.DataFrame:
        """Each feedback theme across the cohort: feedback items and how many clients heard it, most first."""
        rows = [
            {"label": row["label"], "items": row["items"], "client": client.name}
            for client in self.clients
            for row in client.bundle.themes
        ]
        if not rows:
            return pd.DataFrame(columns=list(COHORT_THEME_COLUMNS)).astype(
                {"items": "int64", "clients": "int64"}
            )
        frame = pd.DataFrame(rows)
        grouped = (
            frame.groupby("label").agg(items=("items", "sum"), clients=("client", "nunique")).reset_index()
        )
        grouped = grouped.astype({"items": "int64", "clients": "int64"})
        return grouped.sort_values(["items", "label"], ascending=[False, True], ignore_index=True)

    def check_ins(self) -> pd.DataFrame:
        """Every shared check-in: client, at, score (1-5), oldest first per client."""
        rows = [
            {"client": client.name, "at": pd.Timestamp(row["at"]), "score": float(row["score"])}
            for client in self.clients
            for row in client.bundle.check_ins
        ]
        frame = pd.DataFrame(rows, columns=["client", "at", "score"])
        return frame.sort_values(["client", "at"], kind="stable", ignore_index=True) if rows else frame

    def texts(self, client: Client) -> dict[str, list[dict[str, Any]]]:
        """The free text ``client`` chose to share, by opt-in (feedback, notes, reflections)."""
        return {word: rows for word, rows in client.bundle.texts.items() if word in client.bundle.included}

    # --- what the coach notebook shows ----------------------------------------------------------

    def glance(self) -> Any:
        """One row per client with readable headings, or what to do when there are no bundles yet."""
        from workbook.views import Summary

        if not self.clients:
            return Summary(self.waiting())
        return self.overview().rename(columns=COHORT_COLUMNS).set_index(COHORT_COLUMNS["client"])

    def theme_table(self) -> pd.DataFrame:
        """The themes across the cohort with readable headings."""
        return self.themes().rename(columns=COHORT_THEME_COLUMNS)

    def chart(self, name: str) -> Any:
        """One of :meth:`charts` (recoveries, themes, check_ins), shown as a PNG in a notebook."""
        from workbook.views import Chart

        drawings = self._drawings()
        if name not in drawings:
            raise KeyError(f"no cohort chart called {name!r}; there are: {', '.join(drawings)}")
        return Chart(drawings[name]())

    def each_client(self) -> Any:
        """Each client's own part of the page (their charts and what they chose to share), as HTML."""
        from workbook.share.page import ClientPages

        return ClientPages(self)

    # --- figures ---------------------------------------------------------------------------

    def charts(self) -> dict[str, Figure]:
        """The cohort's charts: recoveries per client, themes across clients, check-in scores over time."""
        return {name: draw() for name, draw in self._drawings().items()}

    def _drawings(self) -> dict[str, Callable[[], Figure]]:
        from workbook.share.charts import check_in_chart, cohort_themes_chart, recoveries_chart

        return {
            "recoveries": lambda: recoveries_chart(self.recoveries()),
            "themes": lambda: cohort_themes_chart(self.themes()),
            "check_ins": lambda: check_in_chart(self.check_ins()),
        }


def _overview_row(client: Client) -> dict[str, Any]:
    rejections = client.bundle.rejections
    days = [row["recovery_days"] for row in rejections if row["recovery_days"] is not None]
    scores = [row["score"] for row in sorted(client.bundle.check_ins, key=lambda row: row["at"])]
    return {
        "client": client.name,
        "shared_on": client.bundle.created.date(),
        "rejections": len(rejections),
        "recovered": sum(1 for row in rejections if row["recovered"] is True),
        "median_recovery_days": float(pd.Series(days, dtype="float64").median()) if days else None,
        "check_ins": len(scores),
        "latest_score": scores[-1] if scores else None,
        "score_change": round(scores[-1] - scores[0], 2) if len(scores) > 1 else None,
    }


def load_cohort(
    folder: str | os.PathLike[str] = "bundles", labels: Sequence[str] | str | None = None
) -> Cohort:
    """The coach notebook's one call: read the bundles in ``folder`` (see :meth:`Cohort.from_folder`)."""
    return Cohort.from_folder(Path(folder), labels)
