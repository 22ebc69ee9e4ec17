"""Feedback themes: the vocabulary, and classifying what an employer said.

The vocabulary is data (``workbook/themes.yaml``), loaded by
:func:`load_vocabulary`, so a coach template can replace or extend it.  Each
theme has keywords and short phrases, matched case-insensitively on word
boundaries; a trailing ``*`` matches any word ending.  A text can fall into
several themes.  Phrases listed under ``when_alone`` only count when no other
theme matched (a polite "best of luck" says nothing specific, unless nothing
else was said).

Feedback can praise as well as ask.  A theme with ``strength: true`` is a
strength (good questions, enthusiasm) and is only suggested for praise; one
with ``strength: false`` is a reason or a circumstance (competition, a closed
position) and is never praise; the others (communication, preparation) fit
either.  :func:`suggest_themes` and :func:`classify` take ``positive`` to
say which; the counts of :func:`theme_counts` leave praise out unless asked,
so it never swells what employers asked for.

:func:`classify` only *suggests*: themes the person confirmed always win, and
:func:`feedback_themes` uses the themes stored on each feedback item.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbook.errors import TemplateError

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_VOCABULARY = Path(__file__).with_name("themes.yaml")


@dataclass(frozen=True)
class Theme:
    """One feedback theme: its id, the label people read, and the phrases that signal it."""

    id: str
    label: str
    keywords: tuple[str, ...]
    when_alone: tuple[str, ...] = ()
    #: True: said only as praise (a strength); False: never praise (a reason or a circumstance);
    #: None: either, as when communication is praised or asked for.
    strength: bool | None = None

    def fits(self, positive: bool) -> bool:
        """Whether this theme can describe praise (``positive``) or something to work on."""
        return self.strength is None or self.strength == positive

    @functools.cached_property
    def pattern(self) -> re.Pattern[str] | None:
        """One regular expression for ``keywords`` (None when there are none)."""
        return _compile(self.keywords)

    @functools.cached_property
    def alone_pattern(self) -> re.Pattern[str] | None:
        """One regular expression for ``when_alone`` (None when there are none)."""
        return _compile(self.when_alone)


@dataclass(frozen=True)
class ThemeMatch:
    """A theme found in a text, with the words that matched so the person sees why."""

    theme: str
    label: str
    matched: tuple[str, ...]


# --- the vocabulary -------------------------------------------------------------


def load_vocabulary(source: Mapping[str, Any] | str | Path | None = None) -> dict[str, Theme]:
    """Load a theme vocabulary: None is the built-in one; else a mapping or a YAML file.

    The data is ``{themes: {id: {label, keywords, when_alone}}}`` (the outer
    ``themes:`` may be left out).  With ``extend: true`` beside ``themes`` the
    built-in vocabulary is kept: new ids are added, and the keywords of a known
    id are added to its own.  Malformed data raises TemplateError naming the field.
    """
    if source is None:
        return dict(_default_vocabulary())
    data = _read(source) if isinstance(source, str | Path) else source
    if not isinstance(data, Mapping):
        raise TemplateError("themes: must be a mapping of theme ids to labels and keywords")
    extend = bool(data.get("extend", False))
    themes = data["themes"] if "themes" in data else {k: v for k, v in data.items() if k != "extend"}
    if not isinstance(themes, Mapping):
        raise TemplateError("themes: must be a mapping of theme ids to labels and keywords")
    vocabulary = dict(_default_vocabulary()) if extend else {}
    for theme_id, spec in themes.items():
        theme = _parse_theme(theme_id, spec)
        known = vocabulary.get(theme.id)
        if known is not None:
            theme = _merge(known, theme)
        vocabulary[theme.id] = theme
    return vocabulary


def theme_label(theme_id: str, vocabulary: Mapping[str, Theme] | None = None) -> str:
    """The label of ``theme_id``; an unknown id becomes readable words ("my_theme" -> "My theme")."""
    themes = _default_vocabulary() if vocabulary is None else vocabulary
    theme = themes.get(theme_id)
    if theme is not None:
        return theme.label
    words = theme_id.replace("_", " ").replace("-", " ").strip()
    return words[:1].upper() + words[1:]


@functools.cache
def _default_vocabulary() -> dict[str, Theme]:
    from workbook.template.source import read_shipped

    return load_vocabulary(read_shipped(DEFAULT_VOCABULARY).data)


def _read(path: str | Path) -> Any:
    from workbook.template.source import read_file  # the same safe reading, with lines, as templates

    return read_file(Path(path)).data


def _parse_theme(theme_id: Any, spec: Any) -> Theme:
    if not isinstance(theme_id, str) or not re.fullmatch(r"[a-z0-9_]+", theme_id):
        raise TemplateError(f"themes: {theme_id!r} is not a theme id (use lowercase letters, digits and _)")
    if not isinstance(spec, Mapping):
        raise TemplateError(f"themes.{theme_id}: must have a label and keywords")
    label = spec.get("label") or theme_label(theme_id, {})
    if not isinstance(label, str):
        raise TemplateError(f"themes.{theme_id}.label: must be text")
    strength = spec.get("strength")
    if strength is not None and not isinstance(strength, bool):
        raise TemplateError(f"themes.{theme_id}.strength: must be true or false")
    return Theme(
        id=theme_id,
        label=label.strip(),
        keywords=_phrases(f"themes.{theme_id}.keywords", spec.get("keywords", ())),
        when_alone=_phrases(f"themes.{theme_id}.when_alone", spec.get("when_alone", ())),
        strength=strength,
    )


def _phrases(field: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise TemplateError(f"{field}: must be a list of words or phrases")
    phrases = []
    for item in value:
        if not isinstance(item, str) or not item.strip().rstrip("*").strip():
            raise TemplateError(f"{field}: {item!r} is not a word or phrase")
        phrases.append(item.strip().lower())
    return tuple(dict.fromkeys(phrases))


def _merge(known: Theme, extra: Theme) -> Theme:
    return Theme(
        id=known.id,
        label=extra.label,
        keywords=tuple(dict.fromkeys(known.keywords + extra.keywords)),
        when_alone=tuple(dict.fromkeys(known.when_alone + extra.when_alone)),
        strength=known.strength if extra.strength is None else extra.strength,
    )


def _compile(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    # Longest first, so "coding exercise" wins over "coding" and is shown whole.
    parts = [_phrase_pattern(p) for p in sorted(phrases, key=len, reverse=True)]
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


def _phrase_pattern(phrase: str) -> str:
    stem = phrase.endswith("*")
    words = re.split(r"[\s]+", phrase.rstrip("*").strip())
    # A hyphen or space in a keyword matches either, so "hands-on" finds "hands on".
    body = r"[\s\-]+".join(r"[\s\-]?".join(re.escape(w) for w in word.split("-")) for word in words)
    return body + (r"\w*" if stem else "")


# --- classifying ------------------------------------------------------------------


def classify(
    text: str, vocabulary: Mapping[str, Any] | None = None, *, positive: bool = False
) -> list[ThemeMatch]:
    """The themes ``text`` falls into, in vocabulary order, each with the words that matched.

    ``vocabulary`` is what :func:`load_vocabulary` returns, or raw data it
    accepts; None is the built-in vocabulary.  An empty list means no theme
    matched.  ``positive`` says the text is praise: then strength themes are
    looked for too, reasons and circumstances (competition, a closed position)
    are not, and where the same words name a strength and an ordinary theme
    ("clear enthusiasm"), the strength is named alone.  Otherwise strength
    themes are left out, as praise is not something to work on.
    """
    themes = [theme for theme in _as_vocabulary(vocabulary).values() if theme.fits(positive)]
    text = _normalise(text)
    found = [match for match in (_match(t, t.pattern, text) for t in themes) if match is not None]
    if not found:
        alone = (_match(theme, theme.alone_pattern, text) for theme in themes)
        return [match for match in alone if match is not None]
    if not positive:
        return found
    strong = {word.lower() for match in found if _is_strength(match.theme, themes) for word in match.matched}
    return [
        match
        for match in found
        if _is_strength(match.theme, themes) or not {w.lower() for w in match.matched} <= strong
    ]


def suggest_themes(text: str, vocabulary: Mapping[str, Any] | None = None, *, positive: bool) -> list[str]:
    """The ids of the themes to suggest for ``text``: for praise when ``positive``, else for criticism."""
    return [match.theme for match in classify(text, vocabulary, positive=positive)]


def is_strength(theme_id: str, vocabulary: Mapping[str, Any] | None = None) -> bool:
    """Whether ``theme_id`` is a strength-only theme (``strength: true``) of ``vocabulary``."""
    theme = _as_vocabulary(vocabulary).get(theme_id)
    return theme is not None and theme.strength is True


def _is_strength(theme_id: str, themes: list[Theme]) -> bool:
    return any(theme.id == theme_id and theme.strength is True for theme in themes)


def _as_vocabulary(vocabulary: Mapping[str, Any] | None) -> Mapping[str, Theme]:
    if vocabulary is None:
        return _default_vocabulary()
    if all(isinstance(theme, Theme) for theme in vocabulary.values()):
        return vocabulary
    return load_vocabulary(vocabulary)


def _normalise(text: str) -> str:
    return (text or "").replace("\u2019", "'").replace("\u2018", "'").replace("\u2011", "-")


def _match(theme: Theme, pattern: re.Pattern[str] | None, text: str) -> ThemeMatch | None:
    if pattern is None:
        return None
    words = tuple(dict.fromkeys(" ".join(m.group(0).split()) for m in pattern.finditer(text)))
    return ThemeMatch(theme.id, theme.label, words) if words else None


# --- feedback frames --------------------------------------------------------------


def feedback_themes(
    feedback: pd.DataFrame,
    applications: pd.DataFrame | None = None,
    vocabulary: Mapping[str, Theme] | None = None,
    *,
    positive: bool = False,
) -> pd.DataFrame:
    """One row per (feedback item, theme), from the themes stored on each item.

    Only the items that ask for something (``positive`` false) count, unless
    ``positive`` asks for the praise: praise is not what employers ask for.
    Frames without a ``positive`` column hold no praise.

    Labels come from ``vocabulary`` (a coach template's, as from
    :func:`load_vocabulary`), else from the built-in one.

    Confirmed items carry the person's own choice; unconfirmed ones carry the
    classifier's stored suggestion, so both are used as stored.  Columns:
    feedback_id, application_id, theme, label, confirmed; with ``applications``
    also stage (reached) and month (of the outcome, else of applying).
    """
    import pandas as pd  # here: reading a template checks its themes without loading pandas

    feedback = _praise(feedback, positive)
    rows = [
        {
            "feedback_id": int(item.id),
            "application_id": int(item.application_id),
            "theme": theme,
            "label": theme_label(theme, vocabulary),
            "confirmed": bool(item.confirmed),
        }
        for item in feedback.itertuples(index=False)
        for theme in (item.themes or [])
    ]
    columns = ["feedback_id", "application_id", "theme", "label", "confirmed"]
    frame = pd.DataFrame(rows, columns=columns).astype(
        {"feedback_id": "int64", "application_id": "int64", "theme": "str", "label": "str", "confirmed": bool}
    )
    if applications is None:
        return frame
    apps = applications.set_index("id")
    ids = frame["application_id"].to_numpy()
    frame["stage"] = pd.Categorical(
        apps["stage"].reindex(ids).to_numpy(), categories=apps["stage"].cat.categories
    )
    when = apps["outcome_on"].fillna(apps["applied_on"]).reindex(ids)
    frame["month"] = pd.DatetimeIndex(when.to_numpy()).to_period("M").to_timestamp().astype("datetime64[ns]")
    return frame


def _praise(feedback: pd.DataFrame, positive: bool) -> pd.DataFrame:
    if "positive" not in feedback.columns:
        return feedback.iloc[0:0] if positive else feedback
    return feedback[feedback["positive"].fillna(False).astype(bool) == positive]


def theme_counts(
    feedback: pd.DataFrame, vocabulary: Mapping[str, Theme] | None = None, *, positive: bool = False
) -> pd.DataFrame:
    """How many feedback items mention each theme, most frequent first (ties by label).

    Columns: theme, label, items.  Labels as :func:`feedback_themes` gives them;
    praise is counted only with ``positive=True``, and then alone.
    """
    rows = feedback_themes(feedback, vocabulary=vocabulary, positive=positive)
    counts = rows.groupby(["theme", "label"]).size().rename("items").reset_index()
    counts["items"] = counts["items"].astype("int64")
    return counts.sort_values(["items", "label"], ascending=[False, True], ignore_index=True)


def themes_by_month(
    feedback: pd.DataFrame,
    applications: pd.DataFrame,
    vocabulary: Mapping[str, Theme] | None = None,
    *,
    positive: bool = False,
) -> pd.DataFrame:
    """Feedback items per theme (rows, by label, most frequent first) and month (columns).

    The month is the application's outcome date, else its application date;
    every month in the span is present.  Empty when no item has a theme.
    Praise is counted only with ``positive=True``.
    """
    import pandas as pd

    rows = feedback_themes(feedback, applications, vocabulary, positive=positive)
    if rows.empty:
        return pd.DataFrame(dtype="int64")
    grid = pd.crosstab(rows["label"], rows["month"])
    months = pd.period_range(rows["month"].min(), rows["month"].max(), freq="M").to_timestamp()
    grid = grid.reindex(columns=months, fill_value=0)
    order = grid.sum(axis=1).sort_values(ascending=False, kind="stable").index
    grid = grid.loc[order].astype("int64")
    grid.index.name, grid.columns.name = "theme", "month"
    return grid
