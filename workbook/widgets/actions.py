"""Actions: things to practise or learn, made by hand or suggested from the feedback heard most."""

from __future__ import annotations

import datetime as dt

import ipywidgets as w

from workbook import messages
from workbook.journal import Journal
from workbook.labels import Labels
from workbook.messages import count
from workbook.practice import Suggestion, listing_order, overdue, suggest_actions
from workbook.records import Action
from workbook.template import Template, load_template
from workbook.widgets import choices
from workbook.widgets.form import (
    WIDE_LABEL,
    Form,
    checkbox,
    date_picker,
    escaped,
    guarded,
    hbox_of,
    heading,
    house_style,
    html_of,
    label_of,
    vbox_of,
)
from workbook.widgets.shortened import Shortened

#: How many actions are listed before "Show all": the ones ahead, then recent slips, then recent wins.
SHOWN = 10
#: Suggested actions are due this many days from today.
SUGGESTED_DUE_DAYS = 14


class ActionTracker(Form):
    """Make actions by hand or from feedback, tick them done, and see what is overdue."""

    def __init__(self, journal: Journal, template: Template | None = None) -> None:
        self.template = template or load_template()
        super().__init__(self.template.messages)
        self.journal = journal
        self.labels = labels = self.template.labels
        vocabulary = choices.vocabulary(self.template)
        self.title = w.Text(
            description=labels["actions.action"],
            placeholder=labels["actions.action_placeholder"],
            style=WIDE_LABEL,
            layout=w.Layout(width="min(40em, 95%)"),
        )
        self.theme = w.Dropdown(
            description=labels["actions.theme"],
            options=[
                (labels["actions.no_theme"], ""),
                *((t.label, theme_id) for theme_id, t in vocabulary.items()),
            ],
            style=WIDE_LABEL,
        )
        self.due_on = date_picker(labels["actions.due"])
        self.add_button = self.button(labels["actions.add"], self.add, style="primary")
        self.editing: Action | None = None
        self.suggest_button = self.button(labels["actions.suggest"], self.suggest)
        self.suggestion_box = vbox_of()
        self.suggestions: dict[str, tuple[Suggestion, w.Checkbox]] = {}
        self.add_suggestions_button = self.button(
            labels["actions.add_suggestions"], self.add_suggestions, hideable=True
        )
        self.add_suggestions_button.layout.display = "none"
        self.overdue_note = html_of()
        self.list_box = vbox_of()
        self.done_boxes: dict[int, w.Checkbox] = {}
        self.rest = Shortened(SHOWN, self._show_actions)
        self.widget = w.VBox(
            [
                house_style(),
                heading(labels["actions.title"]),
                self.overdue_note,
                self.list_box,
                heading(labels["actions.add_title"]),
                self.field(self.title, "title", labels["actions.action_error"]),
                self.field(self.theme, "theme", labels["actions.theme_error"]),
                self.field(self.due_on, "due_on", labels["actions.due_error"]),
                hbox_of([self.add_button, self.suggest_button, self.status]),
                self.suggestion_box,
                self.add_suggestions_button,
            ]
        )
        self._show_actions()
        self.mark_saved()

    def typed(self) -> tuple[object, ...]:
        """The action being typed: its title, theme and due date."""
        return (self.title.value, self.theme.value, self.due_on.value)

    # --- adding -------------------------------------------------------------------

    def open_action(self, action_id: int) -> Action:
        """Load a saved action into the form to change it; Add then stores the change."""
        action = self.journal.get(Action, action_id)
        self.title.value, self.theme.value, self.due_on.value = action.title, action.theme, action.due_on
        self.editing = action
        self.mark_saved()
        return action

    @guarded
    def add(self) -> Action | None:
        """Store the action typed in the form; on bad input or a failure say why, keep it, store nothing."""
        if self.editing is not None:
            saved = self.journal.update(
                self.editing.replace(title=self.title.value, theme=self.theme.value, due_on=self.due_on.value)
            )
        else:
            saved = self.journal.add(
                Action(title=self.title.value, theme=self.theme.value, due_on=self.due_on.value)
            )
        self.editing = None
        self.title.value = ""
        self.theme.value = ""
        self.due_on.value = None
        self.mark_saved()
        self.say_done(messages.ADDED)
        self._show_actions()
        return saved

    def suggest(self) -> list[Suggestion]:
        """Propose an action for each of the most frequent feedback themes, ticked, for the person to pick."""
        found = suggest_actions(
            self.journal.feedback(),
            self.journal.records(Action),
            choices.vocabulary(self.template),
            self.template.actions,
        )
        self.suggestions = {s.theme: (s, checkbox(self._suggestion_text(s), True)) for s in found}
        intro = self.labels["actions.from_feedback" if found else "actions.no_suggestions"]
        self.suggestion_box.children = [label_of(intro), *(box for _s, box in self.suggestions.values())]
        self.add_suggestions_button.layout.display = None if found else "none"
        return found

    @guarded
    def add_suggestions(self) -> list[Action]:
        """Store the ticked suggestions as actions, all at once (none of them on a failure)."""
        due = dt.date.today() + dt.timedelta(days=SUGGESTED_DUE_DAYS)
        picked = [s for s, box in self.suggestions.values() if box.value]
        with self.journal.transaction():
            saved = [self.journal.add(Action(title=s.title, theme=s.theme, due_on=due)) for s in picked]
        self.suggestions = {}
        self.suggestion_box.children = []
        self.add_suggestions_button.layout.display = "none"
        self.say_done(messages.added(len(saved)))
        self._show_actions()
        return saved

    # --- ticking done ---------------------------------------------------------------

    @guarded
    def mark_done(self, action_id: int, done: bool = True) -> Action:
        """Tick an action done today (or untick it)."""
        action = self.journal.get(Action, action_id)
        saved = self.journal.update(action.replace(done_on=dt.date.today() if done else None))
        self.say_done(messages.MARKED_DONE if done else messages.MARKED_NOT_DONE)
        self._show_actions()
        return saved

    def overdue(self) -> list[Action]:
        """The open actions past their due date."""
        return overdue(self.journal.records(Action))

    def _show_actions(self) -> None:
        actions = listing_order(self.journal.records(Action))
        late = {a.id for a in overdue(actions)}
        labels = self.labels
        self.done_boxes = {}
        for action in self.rest.cut(actions):
            box = checkbox(_describe(action, action.id in late, labels), action.done_on is not None)
            self.watch(box, lambda aid=action.id, box=box: self.mark_done(aid, box.value))
            self.done_boxes[action.id] = box  # type: ignore[index]
        rows: list[w.Widget] = list(self.done_boxes.values()) or [label_of(labels["actions.none_yet"])]
        hidden = actions[SHOWN:]
        done = sum(1 for a in hidden if a.done_on is not None)
        rows += self.rest.footer(
            len(actions),
            labels.fill("actions.more", count=len(hidden), done=done),
            labels.fill("actions.show_all", total=len(actions)),
            labels["actions.show_fewer"],
        )
        self.list_box.children = rows
        overdue_text = escaped(labels.fill("actions.overdue", count=len(late)))
        self.overdue_note.value = f"<p><b>{overdue_text}</b></p>" if late else ""

    def _suggestion_text(self, s: Suggestion) -> str:
        times = count(s.items, "feedback item")
        return self.labels.fill("actions.suggestion", title=s.title, theme=s.label, times=times)


def _describe(action: Action, late: bool, labels: Labels) -> str:
    parts = [action.title]
    if action.done_on is not None:
        parts.append(labels.fill("actions.done_on", day=labels.day(action.done_on)))
    elif action.due_on is not None:
        key = "actions.overdue_since" if late else "actions.due_on"
        parts.append(labels.fill(key, day=labels.day(action.due_on)))
    return " · ".join(parts)
