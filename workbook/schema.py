"""The journal's SQL schema, as a list of forward migrations.

``MIGRATIONS[n]`` takes a file from schema version ``n`` to ``n + 1``; a new
file runs them all, so a fresh journal and a migrated one are built by the same
statements.  Never edit a released migration: append a new one.
"""

from __future__ import annotations

_V1 = """
CREATE TABLE applications (
    id INTEGER PRIMARY KEY,
    company TEXT NOT NULL,
    role TEXT NOT NULL,
    applied_on TEXT NOT NULL,
    stage TEXT NOT NULL,
    outcome TEXT NOT NULL,
    outcome_on TEXT,
    channel TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT ''
);
CREATE TABLE call_notes (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    held_on TEXT NOT NULL,
    covered TEXT NOT NULL DEFAULT '[]',
    questions TEXT NOT NULL DEFAULT '',
    answers TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT ''
);
CREATE TABLE feedback_items (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    themes TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE mood_entries (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    mood INTEGER NOT NULL,
    emotions TEXT NOT NULL DEFAULT '[]',
    tags TEXT NOT NULL DEFAULT '[]',
    energy INTEGER,
    note TEXT NOT NULL DEFAULT '',
    context TEXT NOT NULL,
    application_id INTEGER REFERENCES applications(id) ON DELETE SET NULL
);
CREATE TABLE reflections (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    prompt_id TEXT NOT NULL,
    prompt TEXT NOT NULL,
    answer TEXT NOT NULL,
    application_id INTEGER REFERENCES applications(id) ON DELETE SET NULL
);
CREATE TABLE checklist_runs (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    checklist_id TEXT NOT NULL,
    ticked TEXT NOT NULL DEFAULT '[]',
    application_id INTEGER REFERENCES applications(id) ON DELETE SET NULL
);
CREATE TABLE actions (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    created_on TEXT NOT NULL,
    theme TEXT NOT NULL DEFAULT '',
    due_on TEXT,
    done_on TEXT,
    application_id INTEGER REFERENCES applications(id) ON DELETE SET NULL
);
CREATE TABLE support_contacts (
    id INTEGER PRIMARY KEY,
    talked_on TEXT NOT NULL,
    who TEXT NOT NULL,
    helped INTEGER,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mood_entries_at ON mood_entries(at);
"""

# Version 2 keeps every stage an application reaches, with its date, and
# records whether the person confirmed a feedback item's themes.
_V2 = """
CREATE TABLE stage_changes (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    stage TEXT NOT NULL,
    changed_on TEXT NOT NULL
);
CREATE INDEX stage_changes_application ON stage_changes(application_id);
INSERT INTO stage_changes (application_id, stage, changed_on)
    SELECT id, 'applied', applied_on FROM applications;
INSERT INTO stage_changes (application_id, stage, changed_on)
    SELECT id, stage, COALESCE(outcome_on, applied_on) FROM applications WHERE stage <> 'applied';
ALTER TABLE feedback_items ADD COLUMN confirmed INTEGER NOT NULL DEFAULT 0;
"""

# Version 3 keeps what a rejection can still give: the people met, follow-ups,
# self-reviews, what the person wants, resilience check-ins; praise among the
# feedback; and whether the employer invited the person to apply again.
_V3 = """
ALTER TABLE applications ADD COLUMN invited_back INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feedback_items ADD COLUMN positive INTEGER NOT NULL DEFAULT 0;
CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT '',
    contact TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE follow_ups (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    created_on TEXT NOT NULL,
    due_on TEXT,
    done_on TEXT,
    person TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT ''
);
CREATE TABLE self_reviews (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    held_on TEXT NOT NULL,
    ratings TEXT NOT NULL DEFAULT '[]',
    differently TEXT NOT NULL DEFAULT ''
);
CREATE TABLE motivations (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    wanted INTEGER,
    draws TEXT NOT NULL DEFAULT '[]',
    avoids TEXT NOT NULL DEFAULT '[]',
    note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE check_ins (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    questionnaire_id TEXT NOT NULL,
    answers TEXT NOT NULL DEFAULT '[]',
    score REAL NOT NULL,
    application_id INTEGER REFERENCES applications(id) ON DELETE SET NULL
);
CREATE INDEX follow_ups_due ON follow_ups(due_on);
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3)

#: The schema version this code writes.
CURRENT_VERSION = len(MIGRATIONS)
