"""The workbook template: every text a person reads in the widgets, as data.

The built-in template (``workbook/templates/default.yaml``) holds the guidance
of DESIGN.md; a coach can write a file of the same shape.  :func:`load_template`
reads either (YAML is loaded safely, never as code), checks it, and returns a
:class:`Template`.  A malformed template is refused with a
:class:`~workbook.errors.TemplateError` naming the file and the field.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from types import MappingProxyType
from typing import Any

from workbook.errors import TemplateError
from workbook.labels import Labels, flatten

DEFAULT_TEMPLATE = Path(__file__).parent / "templates" / "default.yaml"

#: The checklist the rejection log uses for "what the employer covered on the call".
CALL_COVERED = "call_covered"
#: The placeholder in action suggestions that becomes the theme's label.
THEME_PLACEHOLDER = "{theme}"

_ID = re.compile(r"[a-z0-9_]{1,100}")
_SECTIONS = ("title", "coach", "welcome", "mood", "checklists", "reflections", "questions", "actions",
             "support", "feedback_themes", "rejection_log", "messages", "widgets", "self_review", "checkin",
             "follow_up", "notebooks")  # fmt: skip
_MIN_EMOTIONS = 12


@dataclass(frozen=True)
class Item:
    """One checklist item, reflection prompt or question: a stable id and the text people read."""

    id: str
    text: str


@dataclass(frozen=True)
class Checklist:
    """A named list of things to tick."""

    id: str
    title: str
    items: tuple[Item, ...]
    intro: str = ""


@dataclass(frozen=True)
class PromptSet:
    """A named set of reflection prompts, answered one at a time or all at once."""

    id: str
    title: str
    prompts: tuple[Item, ...]
    intro: str = ""


@dataclass(frozen=True)
class MoodTexts:
    """Words for the mood logger: the scale's two ends, the emotion vocabulary, suggested tags."""

    low: str
    high: str
    emotions: tuple[str, ...]
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActionTexts:
    """Titles for actions suggested from feedback themes."""

    suggestion: str
    by_theme: Mapping[str, str] = field(default_factory=dict)

    def title_for(self, theme_id: str, label: str) -> str:
        """The suggested action title for a theme: its own text, else the general one with its label."""
        return self.by_theme.get(theme_id) or self.suggestion.replace(THEME_PLACEHOLDER, label)


@dataclass(frozen=True)
class SupportTexts:
    """The gentle support notice and where to find more help."""

    notice: str
    where_to_find_help: str


@dataclass(frozen=True)
class NewsTexts:
    """The rejection log's notes section for one way the news came (a call, an email, not said)."""

    heading: str
    held_on: str
    held_on_error: str
    covered: str
    questions: str
    answers: str
    notes: str
    feedback: str


@dataclass(frozen=True)
class RejectionLogTexts:
    """The rejection log's own words: its notes section for a call, an email or news not said."""

    stage_on: str
    call: NewsTexts
    email: NewsTexts
    other: NewsTexts
    notes_kept: str


@dataclass(frozen=True)
class FormMessages:
    """What every form says on a failure, and before letting go of unsaved text."""

    not_saved: str
    unsaved: str
    discard: str


@dataclass(frozen=True)
class Coach:
    """Who made this workbook: a coach's name and how to reach them (both may be empty)."""

    name: str = ""
    contact: str = ""


@dataclass(frozen=True)
class Statement:
    """One check-in statement; ``reverse`` statements are scored 6 minus the answer."""

    id: str
    text: str
    reverse: bool = False


@dataclass(frozen=True)
class Questionnaire:
    """The resilience check-in: its statements, answered 1–5, and how often it is offered."""

    id: str
    title: str
    intro: str
    low: str
    high: str
    every_days: int
    statements: tuple[Statement, ...]
    meaning: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class FollowUpTexts:
    """The thank-you note the workbook drafts, and the suggested wait before reconnecting."""

    thank_you: str
    reconnect_after_days: int


@dataclass(frozen=True)
class Template:
    """Every text of a workbook; ``source`` names the file it came from."""

    title: str
    welcome_title: str
    welcome_text: str
    mood: MoodTexts
    checklists: Mapping[str, Checklist]
    reflections: Mapping[str, PromptSet]
    questions: tuple[Item, ...]
    actions: ActionTexts
    support: SupportTexts
    rejection_log: RejectionLogTexts
    messages: FormMessages
    feedback_themes: Mapping[str, Any] | None = None
    source: str = ""
    #: The widgets' own words (labels, buttons, show-back lists); any a coach leaves out stay built-in.
    labels: Labels = field(default_factory=lambda: Labels({}))
    coach: Coach = field(default_factory=Coach)
    #: The dimensions of the self-review after an interview, rated 1–5 each.
    self_review: tuple[Item, ...] = ()
    checkin: Questionnaire | None = None
    follow_up: FollowUpTexts | None = None
    #: The notebooks a workbook built from this template includes, by file stem.
    notebooks: tuple[str, ...] = ()

    def checklist(self, checklist_id: str) -> Checklist:
        """The checklist with ``checklist_id``; TemplateError naming the ones there are if missing."""
        return _pick(self, "checklists", self.checklists, checklist_id)

    def prompt_set(self, set_id: str) -> PromptSet:
        """The reflection prompt set with ``set_id``; TemplateError if missing."""
        return _pick(self, "reflections", self.reflections, set_id)


def _pick(template: Template, section: str, choices: Mapping[str, Any], key: str) -> Any:
    if key not in choices:
        raise TemplateError(
            f"{template.source}: {section}: has no {key!r} (it has {', '.join(choices) or 'none'})"
        )
    return choices[key]


# --- loading ----------------------------------------------------------------------


def load_template(source: str | Path | Mapping[str, Any] | None = None) -> Template:
    """Load and check a template: None is the built-in one; a path names a YAML file; a mapping is used as is."""
    if source is None:
        source = DEFAULT_TEMPLATE
    if isinstance(source, Mapping):
        return _Parser("template").template(source)
    path = Path(source)
    return _Parser(str(path)).template(_read_yaml(path))


@functools.cache
def default_template() -> Template:
    """The built-in template, read once (forms use its messages when given no template)."""
    return load_template()


def _read_yaml(path: Path) -> Any:
    import yaml  # here, not at the top: `import workbook` stays free of yaml

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise TemplateError(f"{path}: cannot read the template ({error.strerror})") from error
    except UnicodeDecodeError as error:
        raise TemplateError(f"{path}: is not UTF-8 text") from error
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or "not valid YAML"
        raise TemplateError(f"{path}{where}: {problem}") from error


class _Parser:
    """Turns loaded YAML into a Template, naming the file and field of the first problem."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, reason: str) -> TemplateError:
        return TemplateError(f"{self.source}: {where}: {reason}")

    def template(self, data: Any) -> Template:
        data = self.mapping("template", data)
        unknown = [str(key) for key in data if key not in _SECTIONS]
        if unknown:
            raise self.fail(unknown[0], f"is not a template field (known: {', '.join(_SECTIONS)})")
        welcome = self.mapping("welcome", data.get("welcome"))
        checklists = self.keyed("checklists", data.get("checklists"), self.checklist)
        if CALL_COVERED not in checklists:
            raise self.fail("checklists", f"needs a {CALL_COVERED!r} checklist (what the employer covered)")
        themes = data.get("feedback_themes")
        if themes is not None:
            themes = MappingProxyType(dict(self.mapping("feedback_themes", themes)))
            self.check_themes(themes)
        return Template(
            title=self.text("title", data.get("title")),
            welcome_title=self.text("welcome.title", welcome.get("title")),
            welcome_text=self.text("welcome.text", welcome.get("text")),
            mood=self.mood(data.get("mood")),
            checklists=checklists,
            reflections=self.keyed("reflections", data.get("reflections"), self.prompt_set),
            questions=self.items("questions", data.get("questions")),
            actions=self.actions(data.get("actions")),
            support=self.texts(SupportTexts, "support", data.get("support")),
            rejection_log=self.rejection_log(self.optional("rejection_log", data)),
            messages=self.texts(FormMessages, "messages", self.optional("messages", data)),
            feedback_themes=themes,
            source=self.source,
            labels=self.labels(data.get("widgets")),
            coach=self.coach(data.get("coach", {})),
            self_review=self.items("self_review", self.optional("self_review", data)),
            checkin=self.checkin(self.optional("checkin", data)),
            follow_up=self.follow_up(self.optional("follow_up", data)),
            notebooks=self.words("notebooks", self.optional("notebooks", data)),
        )

    def optional(self, section: str, data: Mapping[str, Any]) -> Any:
        # Files written before a section existed keep loading, with the built-in texts.
        if section in data or self.source == str(DEFAULT_TEMPLATE):
            return data.get(section)
        return _read_yaml(DEFAULT_TEMPLATE)[section]

    # --- sections ---------------------------------------------------------------

    def mood(self, data: Any) -> MoodTexts:
        data = self.mapping("mood", data)
        emotions = self.words("mood.emotions", data.get("emotions"))
        if len(emotions) < _MIN_EMOTIONS:
            raise self.fail("mood.emotions", f"has {len(emotions)} words; give at least {_MIN_EMOTIONS}")
        return MoodTexts(
            low=self.text("mood.low", data.get("low")),
            high=self.text("mood.high", data.get("high")),
            emotions=emotions,
            tags=self.words("mood.tags", data.get("tags", [])),
        )

    def checklist(self, where: str, key: str, data: Any) -> Checklist:
        data = self.mapping(where, data)
        return Checklist(
            id=key,
            title=self.text(f"{where}.title", data.get("title")),
            items=self.items(f"{where}.items", data.get("items")),
            intro=self.text(f"{where}.intro", data.get("intro", ""), required=False),
        )

    def prompt_set(self, where: str, key: str, data: Any) -> PromptSet:
        data = self.mapping(where, data)
        return PromptSet(
            id=key,
            title=self.text(f"{where}.title", data.get("title")),
            prompts=self.items(f"{where}.prompts", data.get("prompts")),
            intro=self.text(f"{where}.intro", data.get("intro", ""), required=False),
        )

    def actions(self, data: Any) -> ActionTexts:
        data = self.mapping("actions", data)
        by_theme = self.mapping("actions.by_theme", data.get("by_theme", {}))
        texts = {}
        for key, value in by_theme.items():
            texts[self.ident("actions.by_theme", key)] = self.text(f"actions.by_theme.{key}", value)
        return ActionTexts(
            suggestion=self.text("actions.suggestion", data.get("suggestion")),
            by_theme=MappingProxyType(texts),
        )

    def rejection_log(self, data: Any) -> RejectionLogTexts:
        data = self.mapping("rejection_log", data)
        news = {
            kind: self.texts(NewsTexts, f"rejection_log.{kind}", data.get(kind))
            for kind in ("call", "email", "other")
        }
        words = {
            name: self.text(f"rejection_log.{name}", data.get(name)) for name in ("stage_on", "notes_kept")
        }
        return RejectionLogTexts(**news, **words)

    def coach(self, data: Any) -> Coach:
        data = self.mapping("coach", data)
        return Coach(
            name=self.text("coach.name", data.get("name", ""), required=False),
            contact=self.text("coach.contact", data.get("contact", ""), required=False),
        )

    def checkin(self, data: Any) -> Questionnaire:
        data = self.mapping("checkin", data)
        statements: list[Statement] = []
        for item, entry in zip(self.items("checkin.statements", data.get("statements")), data["statements"]):
            reverse = entry.get("reverse", False)
            if not isinstance(reverse, bool):
                raise self.fail(f"checkin.statements.{item.id}.reverse", "must be true or false")
            statements.append(Statement(item.id, item.text, reverse))
        every = data.get("every_days", 14)
        if not isinstance(every, int) or isinstance(every, bool) or not 1 <= every <= 365:
            raise self.fail("checkin.every_days", "must be a whole number of days from 1 to 365")
        meaning = self.mapping("checkin.meaning", data.get("meaning", {}))
        return Questionnaire(
            id=self.ident("checkin.id", data.get("id", "resilience")),
            title=self.text("checkin.title", data.get("title")),
            intro=self.text("checkin.intro", data.get("intro", ""), required=False),
            low=self.text("checkin.low", data.get("low")),
            high=self.text("checkin.high", data.get("high")),
            every_days=every,
            statements=tuple(statements),
            meaning=MappingProxyType(
                {str(k): self.text(f"checkin.meaning.{k}", v) for k, v in meaning.items()}
            ),
        )

    def follow_up(self, data: Any) -> FollowUpTexts:
        data = self.mapping("follow_up", data)
        days = data.get("reconnect_after_days", 90)
        if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= 730:
            raise self.fail("follow_up.reconnect_after_days", "must be a whole number of days from 1 to 730")
        return FollowUpTexts(
            thank_you=self.text("follow_up.thank_you", data.get("thank_you")), reconnect_after_days=days
        )

    def labels(self, data: Any) -> Labels:
        own = {
            k: self.text(f"widgets.{k}", v) for k, v in flatten(self.mapping("widgets", data or {})).items()
        }
        builtin = None if self.source == str(DEFAULT_TEMPLATE) else default_template().labels
        return Labels.merged(
            own, builtin, lambda key: self.fail(f"widgets.{key}", "is not a text the widgets use")
        )

    def texts(self, kind: Any, where: str, data: Any) -> Any:
        data = self.mapping(where, data)
        return kind(**{f.name: self.text(f"{where}.{f.name}", data.get(f.name)) for f in fields(kind)})

    def check_themes(self, data: Mapping[str, Any]) -> None:
        # Imported here: the themes module loads pandas, and reading a template should not.
        from workbook.themes import load_vocabulary

        try:
            load_vocabulary(data)
        except TemplateError as error:
            raise self.fail("feedback_themes", str(error)) from error

    # --- shapes -----------------------------------------------------------------

    def keyed(self, where: str, data: Any, build: Any) -> Mapping[str, Any]:
        data = self.mapping(where, data)
        if not data:
            raise self.fail(where, "must not be empty")
        return MappingProxyType(
            {self.ident(where, key): build(f"{where}.{key}", key, value) for key, value in data.items()}
        )

    def items(self, where: str, data: Any) -> tuple[Item, ...]:
        entries = self.sequence(where, data)
        if not entries:
            raise self.fail(where, "must list at least one item")
        items: list[Item] = []
        for number, entry in enumerate(entries):
            here = f"{where}[{number}]"
            entry = self.mapping(here, entry)
            item = Item(
                id=self.ident(f"{here}.id", entry.get("id")),
                text=self.text(f"{here}.text", entry.get("text")),
            )
            if any(known.id == item.id for known in items):
                raise self.fail(f"{here}.id", f"{item.id!r} is used twice; ids must be unique")
            items.append(item)
        return tuple(items)

    def words(self, where: str, data: Any) -> tuple[str, ...]:
        words: list[str] = []
        for number, word in enumerate(self.sequence(where, data)):
            word = self.text(f"{where}[{number}]", word)
            if ";" in word:
                raise self.fail(f"{where}[{number}]", f"{word!r} contains ';', which separates words")
            if word not in words:
                words.append(word)
        return tuple(words)

    def mapping(self, where: str, data: Any) -> Mapping[str, Any]:
        return self.shaped(where, data, Mapping, "a mapping of names to values")

    def sequence(self, where: str, data: Any) -> list[Any]:
        return self.shaped(where, data, list, "a list")

    def shaped(self, where: str, data: Any, kind: type, name: str) -> Any:
        if data is None:
            raise self.fail(where, "is missing")
        if not isinstance(data, kind):
            raise self.fail(where, f"must be {name}, not {_kind(data)}")
        return data

    def ident(self, where: str, value: Any) -> str:
        if not isinstance(value, str) or not _ID.fullmatch(value):
            raise self.fail(where, f"{value!r} is not an id (use lowercase letters, digits and _)")
        return value

    def text(self, where: str, value: Any, *, required: bool = True) -> str:
        if value is None and required:
            raise self.fail(where, "is missing")
        if value is None:
            return ""
        if not isinstance(value, str):
            raise self.fail(where, f"must be text, not {_kind(value)}")
        if required and not value.strip():
            raise self.fail(where, "must not be empty")
        return value.strip()


_KINDS = {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list"}


def _kind(value: Any) -> str:
    return "a mapping" if isinstance(value, Mapping) else _KINDS.get(type(value), type(value).__name__)
