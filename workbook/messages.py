"""Words a person reads that are not a coach's to change: the names of things, and counts.

The widgets' prompts, labels and guidance live in the template
(``templates/default.yaml``); this module holds the one vocabulary every view
shares, so a stage, an outcome or a channel is called the same in a widget, a
summary, a chart and a report.  The journal and its exports keep the plain
values (``video_call``); these are only what a person sees.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

STAGE_LABELS = {
    "applied": "Applied",
    "screen": "Screening call",
    "interview": "Interview",
    "final": "Final round",
}
OUTCOME_LABELS = {
    "pending": "Still waiting",
    "rejected": "Rejected",
    "offer": "Offer",
    "withdrawn": "I withdrew",
    "ghosted": "No reply",
}
CHANNEL_LABELS = {
    "video_call": "Video call",
    "phone": "Phone call",
    "email": "Email",
    "in_person": "In person",
    "none": "Not told",
}
CONTEXT_LABELS = {
    "daily": "Daily check-in",
    "before_call": "Before a call",
    "after_call": "After a call",
}


def count(number: int, singular: str, plural: str | None = None) -> str:
    """``number`` with its noun, singular or plural as it should be: "1 day", "3 rejections"."""
    noun = singular if number == 1 else (plural or singular + "s")
    return f"{number:,} {noun}"


def date_text(day: dt.date | dt.datetime | pd.Timestamp) -> str:
    """A date as every view writes it: "3 Oct 2026"."""
    return f"{day.day} {day:%b %Y}"


def month_text(day: dt.date | dt.datetime | pd.Timestamp) -> str:
    """A month as every view writes it: "Oct 2026"."""
    return f"{day:%b %Y}"


def times(number: int) -> str:
    """How often: "once", "twice", "3 times"."""
    return {1: "once", 2: "twice"}.get(number, f"{number:,} times")


#: What a chart says instead of drawing, when the journal has nothing for it yet (by what it needs).
CHART_HINTS = {
    "applications": "Nothing to chart yet: log an application in 'The call' and it will show here.",
    "rejections": "No rejections logged yet, so there is nothing to chart here.",
    "feedback": "No feedback logged yet. Add what an employer said in 'The call' and the themes will show here.",
    "moods": "No moods logged yet. A quick check-in in 'After the call' starts this chart.",
    "self_reviews": "No self-reviews yet, so there is nothing to chart here.",
    "motivations": "Nothing noted yet about what you want, so there is nothing to chart here.",
    "check_ins": "No check-ins yet, so there is nothing to chart here.",
}
#: The "none of them" entry of a drop-down of applications.
NO_APPLICATION = "(none)"
#: What a form's status line says once something is stored ("Saved at 14:02").
SAVED = "Saved"
ADDED = "Added"
MARKED_DONE = "Marked done"
MARKED_NOT_DONE = "Marked not done"
DONE_AT = "{what} at {time}"
#: On the status line when a field's own line explains why nothing was stored.
NOT_SAVED_SEE_ABOVE = "Not saved yet: please look at the message above."
#: Under a field whose value was refused: the field's label (from the template) and the reason.
FIELD_ERROR = "{label}: {reason}"
#: On the status line when a failure names no field on the form.
NOT_SAVED = "Not saved: {reason}"
# --- the safety net: a failure Rebound did not expect (workbook.cli.main, the forms' one guard) ------
#: The one line a command prints (after "error: ") for a bug: the error's type, never its message.
UNEXPECTED_COMMAND = (
    "something went wrong that Rebound did not expect ({kind}); nothing more was written; "
    "run again with --debug to see why{logged}"
)
#: Added to that line when the traceback was written down.
UNEXPECTED_LOGGED = " (the details are in {log})"
#: On a form's status line for a bug: nothing is lost, and where the details are.
UNEXPECTED_FORM = (
    "Not saved: something went wrong that Rebound did not expect ({kind}); "
    "everything you typed is still here{logged}"
)
#: On a form's status line when something that follows a click or a choice fails (no save involved).
UNEXPECTED_CALLBACK = (
    "Sorry, something went wrong that Rebound did not expect ({kind}); what you typed is still here{logged}"
)
#: On a form's status line when following a click or a choice meets an expected failure (a locked journal).
CALLBACK_FAILED = "That did not work: {reason}."
#: The end of ``workbook --help``: what each exit code means.
EXIT_CODES = (
    "Exit codes: 0 done; 2 refused, with one line saying why; "
    "3 something Rebound did not expect (the details go to .workbook/logs/errors.log in the workbook "
    "folder, else ~/.local/share/rebound/logs/errors.log); 130 interrupted."
)
#: A form whose fields belong to another application than the one its drop-down names.
FORM_OUT_OF_STEP = (
    "the form still holds another application than the one chosen above; "
    "choose the application again, then save"
)
#: A 1–5 answer that may be left empty: (label, value); the value 0 is "not noted".
SCALE_1_5 = (("not noted", 0), ("1 (very little)", 1), ("2", 2), ("3", 3), ("4", 4), ("5 (a lot)", 5))


def added(number: int) -> str:
    """The status after adding several things at once: "Added 3"."""
    return f"{ADDED} {number}"


SAMPLE_BANNER = (
    "Using the sample journal ({name}): a made-up job search to explore. "
    "Nothing you log here touches your own journal."
)
OWN_BANNER = "Using your journal ({name}). Everything you log stays in this file."
#: Said in JupyterLab only, where a notebook opens with its cells not yet run.
LAB_HINT = "Run › Run All Cells shows every form and chart in this notebook at once."

#: Words the thank-you draft falls back on when the journal has nothing to fill a placeholder with.
THANK_YOU_FALLBACKS = {
    "interviewer": "hiring team",
    "appreciated": "the time you took to explain the decision",
    "working_on": "the points you raised",
    "role": "open",
    "company": "your company",
}
#: How one piece of praise a person logged is quoted in the thank-you draft.
THANK_YOU_PRAISE = "hearing that “{text}”"
#: A check-in score said plainly: a snapshot to compare with oneself, never a diagnosis.
CHECKIN_SCORE = "{score} out of 5: {meaning}"

# --- the sections on strengths, self-reviews, wants, what helps and check-ins: what to log first ---
STRENGTHS_EMPTY = (
    "No feedback with themes yet. When an employer tells you what went well or what to work on, "
    "note it in 'The call' and mark the kind words as praise: your strengths will gather here, "
    "beside what to practise."
)
SELF_REVIEW_EMPTY = (
    "No self-reviews yet. After an interview, rate your own answers from 1 to 5 on each point: "
    "here your view will sit beside what employers said."
)
WANTS_EMPTY = (
    "Nothing noted yet about what you want. For each application, jot down what drew you, what "
    "you'd rather avoid, and how much you wanted it (1 to 5): after a few, the patterns show here."
)
WHAT_HELPS_EMPTY = (
    "No rejections logged yet, so there is nothing to compare. When one comes, a mood check-in on the "
    "days around it, with a tag for what you did, is what this section learns from."
)
CHECKIN_EMPTY = (
    "No check-ins yet. The resilience check-in is six short statements, about two minutes; "
    "take it every couple of weeks and your scores will show here over time."
)
#: Said under every check-in score.
CHECKIN_NOT_A_DIAGNOSIS = (
    "A higher score means bouncing back more easily. It is a snapshot to compare with yourself over "
    "the weeks, not a test and not a diagnosis."
)
#: Said under every comparison of what hurts and helps.
PATTERNS_NOT_CAUSES = "These are patterns in your own journal, not causes: take what rings true."
# --- sharing with a coach (workbook share, the Share widget) and the coach's cohort view -------------

#: What each kind of record is called when a person is shown what a bundle will hold.
#: Each kind of record as a sentence counts it, singular and plural: "1 mood entry", "3 pieces of feedback".
RECORD_NOUNS = {
    "applications": ("application", "applications"),
    "stage_changes": ("stage reached", "stages reached"),
    "mood_entries": ("mood entry", "mood entries"),
    "feedback_items": ("piece of feedback", "pieces of feedback"),
    "call_notes": ("set of call notes", "sets of call notes"),
    "reflections": ("reflection", "reflections"),
    "checklist_runs": ("saved checklist", "saved checklists"),
    "actions": ("action", "actions"),
    "support_contacts": (
        "conversation with someone who supports you",
        "conversations with people who support you",
    ),
    "people": ("person you met", "people you met"),
    "follow_ups": ("follow-up", "follow-ups"),
    "self_reviews": ("self-review", "self-reviews"),
    "motivations": ("note on what you wanted", "notes on what you wanted"),
    "check_ins": ("check-in", "check-ins"),
}


def records_count(table: str, number: int) -> str:
    """``number`` records of the kind stored in ``table``, in words: "5,500 mood entries"."""
    return count(number, *RECORD_NOUNS[table])


def import_summary(added: dict[str, int], skipped: dict[str, int]) -> str:
    """What an import did: "Added 2 applications, 5 mood entries; 3 already in the journal."."""
    if not added and not skipped:
        return "Nothing to import."
    text = "Added " + (", ".join(records_count(table, n) for table, n in added.items()) or "nothing")
    if skipped:
        text += f"; {sum(skipped.values()):,} already in the journal"
    return text + "."


SHARE_KIND_NAMES = {
    "applications": "Applications",
    "stage_changes": "Stages reached",
    "call_notes": "Notes from calls",
    "feedback_items": "Feedback items",
    "mood_entries": "Mood entries",
    "reflections": "Reflections",
    "checklist_runs": "Checklists",
    "actions": "Things to practise",
    "support_contacts": "Talks with someone",
    "people": "People met",
    "follow_ups": "Follow-ups",
    "self_reviews": "Self-reviews",
    "motivations": "What you wanted",
    "check_ins": "Resilience check-ins",
}
#: The words each opt-in stands for, as a person reads them.
SHARE_INCLUDE_NAMES = {
    "feedback": "what employers said",
    "notes": "your notes",
    "reflections": "your reflections",
    "companies": "company names",
}
SHARE_HEADING = "Your coach will get {path}, holding these files:"
SHARE_HOLDS = "What it tells your coach:"
SHARE_KIND_LINE = "  {name}: {count}, {text}"
SHARE_COUNT_ONLY = "only how many"
#: Kinds whose numbers, not only how many, always go into a bundle.
SHARE_NUMBERS = {"check_ins": "scores and dates included"}
SHARE_TEXT_IN = "{what} included"
SHARE_TEXT_OUT = "{what} kept back"
SHARE_ALWAYS = (
    "Always in it: for each rejection the role, the date, your mood before, the dip and the days to "
    "recover; how often each feedback theme came up; your check-in scores with their dates; the charts."
)
SHARE_NO_COMPANIES = "Companies appear as Application 1, 2, 3 and so on."
SHARE_QUESTION = "Share this? [y/N] "
SHARE_NO_ANSWER = "No answer came, so nothing was written."
SHARE_DECLINED = "Nothing was written; your journal stays with you."
SHARE_WRITTEN = "Wrote {path}. It is yours to send; Rebound sends nothing."
SHARE_BAD_INCLUDE = "{word!r} is not something to include; choose from {choices}"

COHORT_TITLE = "Your clients"
COHORT_DEFAULT_NAME = "Client {number}"
COHORT_MADE = "Made on {day} from {bundles}. Each client shows only what they chose to share."
COHORT_CLIENTS = "Clients at a glance"
COHORT_COLUMNS = {
    "client": "Client",
    "shared_on": "Shared on",
    "rejections": "Rejections",
    "recovered": "Recovered",
    "median_recovery_days": "Median days to recover",
    "check_ins": "Check-ins",
    "latest_score": "Latest check-in",
    "score_change": "Change since first",
}
COHORT_RECOVERIES = "Days to recover after each rejection"
COHORT_THEMES = "Feedback themes across your clients"
COHORT_THEME_COLUMNS = {"label": "Theme", "items": "Feedback items", "clients": "Clients"}
COHORT_CHECK_INS = "Check-in scores over time"
COHORT_CLIENT = "{client}"
COHORT_SHARED = "Shared on {day}; included: {included}."
COHORT_NOTHING_EXTRA = "counts, metrics and charts only"
#: What each opt-in is called on the coach's page.
COHORT_INCLUDE_NAMES = {
    "feedback": "what employers said",
    "notes": "their notes",
    "reflections": "their reflections",
    "companies": "company names",
}
COHORT_NO_REJECTIONS = "No rejections shared."
COHORT_NO_THEMES = "No feedback themes shared yet."
COHORT_NO_CHECK_INS = "No check-ins shared yet."
COHORT_NO_BUNDLES = "No bundles found in {folder} yet. Put the .zip files your clients send you there."
COHORT_TEXT_HEADINGS = {"feedback": "What employers said", "notes": "Notes", "reflections": "Reflections"}
COHORT_WRITTEN = "Wrote {path} from {bundles}."
# --- notebooks built from a template (workbook.build) ---------------------------------------
#: What the links back to the first notebook say.
START_HERE = "Start here"
#: The line that ends each notebook but the last: ``{next}`` and ``{home}`` are links.
NEXT_NOTEBOOK = "**Next:** {next} · {home}"
#: The line that ends the last notebook of a workbook.
LAST_NOTEBOOK = "That's the whole workbook. Come back to any part whenever you need it: {home}."
#: Under the welcome on Start here, when the template names a coach: their name and contact, joined.
COACH_LINE = "**Your coach:** {coach}"

# --- the sections' own words, filled in by workbook/sections/ ---------------------------------------
# Markdown: **bold** shows bold; a line starting "- " is a list item. The person's own words arrive
# escaped, so a "*" or "|" they typed is shown as typed.

#: What the sections count (singular; :func:`count` adds the "s").
MENTION_NOUN = "mention"
SELF_REVIEW_NOUN = "self-review"
RATING_NOUN = "rating"
EMPLOYER_NOUN = "employer"
APPLICATION_NOUN = "application"
REJECTION_NOUN = "rejection"
CHECK_IN_NOUN = "check-in"

#: Joins the last two of a list ("A, B and C").
AND = " and "
#: One row of a table said as a sentence: "Communication: rejections 3; mean dip 3.0."
TABLE_ROW_PLAIN = "{name}: {cells}."
TABLE_CELL_PLAIN = "{header} {value}"
TABLE_CELLS_JOINED = "; "


def listed(parts: list[str]) -> str:
    """Several things in one phrase: "A", "A and B", "A, B and C"."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + AND + parts[-1]


# Your strengths
STRENGTHS_THEME = "**{theme}** ({times})"
STRENGTHS_PRAISED = "What employers keep praising: {themes}."
STRENGTHS_NO_PRAISE = (
    "No praise logged yet. Employers often say what went well too: next time, ask "
    "'what did I do well?' and note the answer as praise."
)
STRENGTHS_ASKED = "What they keep asking for more of: {themes}."
STRENGTHS_BOTH_WAYS = (
    "**{theme}** comes up both ways (praised {praised}, asked for {asked}): "
    "a strength you can make stronger still."
)
STRENGTHS_RESTS_ON = "Resting on {mentions} of a theme in your feedback."

# Your self-reviews beside what employers said
SELF_REVIEW_FROM = "From your {reviews}, set beside what employers said:"
SELF_REVIEW_RATED = "you rated it {rating} on average ({ratings})"
SELF_REVIEW_HIGHER_THAN_HEARD = (
    "- **{name}**: {rated}, while {employers} flagged it. Worth a second look: "
    "a mock answer with a friend could show what they saw."
)
SELF_REVIEW_LOWER_THAN_HEARD = (
    "- **{name}**: {rated}, yet {employers} praised it. You may be doing better here than you think."
)
SELF_REVIEW_AGREED_STRENGTH = (
    "- **{name}**: you and employers agree it's a strength: {rated}, and {employers} praised it."
)
SELF_REVIEW_AGREED_TO_WORK_ON = (
    "- **{name}**: you and employers agree it's one to work on: {rated}, and {employers} flagged it. "
    "A clear place to practise."
)
SELF_REVIEW_MIDDLE_PRAISED = (
    "- **{name}**: {rated}, somewhere in the middle, while {employers} praised it. "
    "You may be stronger here than you give yourself credit for."
)
SELF_REVIEW_MIDDLE_FLAGGED = (
    "- **{name}**: {rated}, somewhere in the middle, while {employers} asked for more of it. "
    "A good one to keep practising."
)
SELF_REVIEW_TOO_SOON = (
    "Not enough yet to compare for {names}: the picture firms up once two or more employers "
    "have said the same."
)

# What you want next
WANTS_DRAWS = "What keeps drawing you: {words}."
WANTS_AVOIDS = "What you'd rather avoid: {words}."
WANTS_WORD = "**{word}** ({applications})"
WANTS_NOTHING_TWICE = (
    "Nothing has come up twice yet across your {applications} with notes on what you want; "
    "give it a few more."
)
WANTS_SIDES = "{more} from roles you wanted a lot (4–5), {less:,} from roles you wanted less"
WANTS_NO_RATINGS = (
    "Note how much you wanted each role (1 to 5): after a few rejections with moods logged around "
    "them, you'll see whether the ones you wanted less hit less hard."
)
WANTS_TOO_SOON = (
    "Whether roles you wanted less hit less hard: not enough to say yet. It needs {needed} "
    "rejections on each side with moods logged around them; so far {sides}."
)
WANTS_AS_HARD = (
    "Roles you wanted less hit about as hard as the ones you wanted a lot: a mean dip of {less} "
    "against {more}. That rests on {sides}. A rejection is a rejection: be as kind to yourself "
    "after the small ones."
)
WANTS_SOFTER = (
    "Roles you wanted less hit less hard: a mean dip of {less} against {more} for those you wanted "
    "a lot. That rests on {sides}. The big ones deserve extra care."
)
WANTS_HARDER = (
    "Roles you wanted less hit harder, not softer: a mean dip of {less} against {more}. That rests "
    "on {sides}. Maybe it's the run of them, not the role, that weighs."
)

# What hurts most, and what helps
WHAT_HELPS_FROM = (
    "From {rejections}, {measured:,} with a measured recovery. Each line rests on at least "
    "{needed} rejections, so no single one decides it."
)
WHAT_HURT_HEADING = "**What hurt most**"
WHAT_HURT_TOO_SOON = (
    "**What hurt most:** not enough yet. A feedback theme or a stage shows here once {needed} "
    "rejections with moods logged around them share it."
)
WHAT_HURT_HEADER = ("Theme or stage", "Rejections", "Mean dip", "Mean days to recover")
WHAT_HURT_STAGE = "{name} (stage)"
WHAT_HELPED_HEADING = "**What came with faster recoveries** (in the week after a rejection)"
WHAT_HELPED_TOO_SOON = (
    "**What helped:** not enough yet. A tag or a person shows here once it came in the week after "
    "{needed} rejections you recovered from, and was missing after {needed} others."
)
WHAT_HELPED_HEADER = ("What you did", "With it: days (rejections)", "Without it: days (rejections)")
#: A support contact in the what-helps table: talking to anyone at all, or to one person.
TALKED_TO_ANYONE = "talked to someone"
TALKED_TO = "talked to {name}"

# Check-ins beside recoveries
CHECKIN_LATEST = "Your latest check-in score: **{score}** out of 5 ({day})."
CHECKIN_CHANGE = (
    "Across {check_ins}, your last three averaged {last} against {first} for your first three: {way}."
)
CHECKIN_UP = "up"
CHECKIN_SAME = "about the same"
CHECKIN_DOWN = "lower for now. Hard stretches pass; a word with someone you trust can help"
CHECKIN_TOO_FEW = "{check_ins} so far; after six, you'll see which way they move."
CHECKIN_RECOVERIES = (
    "Over the same weeks, your mood came back to its usual level after {rejections}, "
    "in {days} days on average (the lower chart)."
)

# Limits on what comes in (values, templates, bundles): each names its field and says what to do
NOT_A_WHOLE_NUMBER = "{value} is not a whole number"
TOO_MANY_DIGITS = "has {digits:,} digits; no number Rebound keeps needs more than {most}"
NOT_VALID_TEXT = (
    "holds an escaped character that is not valid text ({escape}); write the character itself{instead}"
)
NOT_VALID_TEXT_INSTEAD = ", or {escape}"
TEMPLATE_TOO_LARGE = "is over {limit}; a template is a few kilobytes, so is this the right file?"
TEMPLATE_CONTROL_CHARACTER = (
    "holds a control character (U+{code:04X}) that YAML does not allow; delete it and save the file again"
)
TEMPLATE_TOO_DEEP = (
    "is nested more than {limit} levels deep; a template needs a few, so check its brackets and indents"
)
BUNDLE_DATE_OUT_OF_RANGE = "{value} is not between {earliest} and {latest}; the bundle is damaged or altered"
BUNDLE_NUMBER_OUT_OF_RANGE = "{value} is not a number from {low} to {high}"
BUNDLE_TEXT_TOO_LONG = "is {length:,} characters long; the limit is {limit:,}"

# --- The journal's safety net: damage, read-only disks, automatic backups, restore (issue 22) ---

#: A damaged journal, when a good backup exists: names it and the exact command.
JOURNAL_DAMAGED = (
    "journal: {path}: is damaged ({problem}); nothing was written to it. Your newest good backup is "
    "{backup} ({taken}); put it back with: workbook restore --latest"
)
#: A damaged journal with no backup: promises none.
JOURNAL_DAMAGED_NO_BACKUP = (
    "journal: {path}: is damaged ({problem}); nothing was written to it, and there is no backup of it. "
    "Copy the file somewhere safe before anything else, then ask someone who knows SQLite to recover it"
)
#: What SQLite's "readonly" means, and that nothing was stored.
JOURNAL_READ_ONLY = (
    "the file or its disk is read-only, so nothing was saved; make it writable for you (or copy the "
    "journal to a writable disk) and try again"
)
#: A write refused because the journal was opened read-only.
JOURNAL_READ_ONLY_WRITE = "journal: {path}: " + JOURNAL_READ_ONLY
#: An older journal on a read-only disk cannot be upgraded to be read.
JOURNAL_READ_ONLY_OLD = (
    "journal: {path}: is from an older Rebound and on a read-only disk, so it cannot be upgraded; "
    "copy it to a writable disk and open it there. It was not changed"
)
#: An automatic backup failed; the save itself is kept.
AUTO_BACKUP_FAILED = (
    "Your entry is saved, but the automatic backup of {path} could not be written ({reason}); "
    "Rebound tries again at the next save."
)
#: ``workbook restore`` with neither a file nor --latest, or --latest with no good backup.
RESTORE_WHICH = "name the backup to put back, or add --latest for the newest good one"
RESTORE_NO_GOOD_BACKUP = "there is no good backup of {journal} to put back"
#: ``workbook backups`` with none.
NO_BACKUPS = "There are no backups of {journal} yet; Rebound makes one at the first save of each day."
#: ``workbook forget`` on a journal that is a symbolic link: the real file is what goes.
FORGET_LINK = "{link} is a link to {real}: the real journal and its backups are what is deleted."
