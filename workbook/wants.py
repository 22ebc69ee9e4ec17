"""What you want next: the draws and avoids that keep coming back, and whether wanting a role less softens its rejection.

Pure functions of the journal's motivations frame and
:func:`workbook.metrics.rejection_metrics`.  A word counts once per
application; words differing only in case or spacing are the same word, shown
as first written.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workbook.memo import remembered
from workbook.what_helps import MIN_REJECTIONS

#: A word recurs when this many applications name it.
RECURS = 2
#: "How much did I want this" at or above this is wanting it a lot; below it, wanting it less.
WANTED_A_LOT = 4
#: A difference in mean dip smaller than this (mood points) reads as "about the same".
SAME_DIP = 0.5


@dataclass(frozen=True)
class WantedReading:
    """Mean dip after rejections from roles wanted a lot and wanted less, and how many each rests on."""

    more_n: int
    more_dip: float
    less_n: int
    less_dip: float

    @property
    def enough(self) -> bool:
        """Whether both sides rest on at least :data:`~workbook.what_helps.MIN_REJECTIONS` rejections."""
        return self.more_n >= MIN_REJECTIONS and self.less_n >= MIN_REJECTIONS

    @property
    def softer_when_wanted_less(self) -> bool | None:
        """True when roles wanted less dipped clearly less, False when clearly more, None when about the same."""
        difference = self.more_dip - self.less_dip
        if abs(difference) < SAME_DIP:
            return None
        return difference > 0


@remembered
def recurring(motivations: pd.DataFrame, column: str, least: int = RECURS) -> pd.DataFrame:
    """The words in ``column`` ("draws" or "avoids") named by at least ``least`` applications.

    Columns: word (as first written), applications.  Most named first, ties by word.
    """
    words = motivations[["application_id", column]].explode(column).dropna(subset=[column])
    if words.empty:
        return pd.DataFrame({"word": pd.Series(dtype="str"), "applications": pd.Series(dtype="int64")})
    written = words[column].astype("str").str.strip()
    key = written.str.casefold().str.split().str.join(" ")
    words = pd.DataFrame({"application_id": words["application_id"], "key": key, "word": written})
    words = words[words["key"] != ""]
    shown = words.drop_duplicates("key").set_index("key")["word"]
    counts = words.drop_duplicates(["application_id", "key"]).groupby("key").size()
    counts = counts[counts >= least]
    frame = pd.DataFrame({"word": shown.reindex(counts.index).to_numpy(), "applications": counts.to_numpy()})
    frame = frame.astype({"word": "str", "applications": "int64"})
    return frame.sort_values(["applications", "word"], ascending=[False, True], ignore_index=True)


def dips_by_wanted(rejections: pd.DataFrame, motivations: pd.DataFrame) -> pd.DataFrame:
    """Rejections with both a known dip and a "how much did I want this": application_id, rejected_on, wanted, dip."""
    wanted = motivations.dropna(subset=["wanted"]).drop_duplicates("application_id", keep="last")
    frame = rejections[["application_id", "rejected_on", "dip"]].merge(
        wanted[["application_id", "wanted"]], on="application_id"
    )
    frame = frame.dropna(subset=["dip"]).astype({"wanted": "int64", "dip": "float64"})
    return frame[["application_id", "rejected_on", "wanted", "dip"]].reset_index(drop=True)


def wanted_reading(dips: pd.DataFrame) -> WantedReading:
    """The mean dip of roles wanted a lot (at or above :data:`WANTED_A_LOT`) beside those wanted less."""
    more = dips["wanted"] >= WANTED_A_LOT
    return WantedReading(
        more_n=int(more.sum()),
        more_dip=float(dips.loc[more, "dip"].mean()) if more.any() else float("nan"),
        less_n=int((~more).sum()),
        less_dip=float(dips.loc[~more, "dip"].mean()) if (~more).any() else float("nan"),
    )
