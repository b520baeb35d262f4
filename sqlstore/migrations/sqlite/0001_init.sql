-- followup's first schema, SQLite flavour. Calendar days are YYYY-MM-DD text,
-- times are UTC text that sorts (TIMESTAMP makes the driver read them as
-- times), JSON is text, booleans are 0 and 1.

CREATE TABLE teams (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL UNIQUE,
	created_at TIMESTAMP NOT NULL
);

CREATE TABLE users (
	id            INTEGER PRIMARY KEY,
	name          TEXT NOT NULL,
	email         TEXT UNIQUE,
	title         TEXT NOT NULL DEFAULT '',
	role          TEXT NOT NULL CHECK (role IN ('seller', 'manager', 'admin')),
	team_id       INTEGER REFERENCES teams (id),
	quota         INTEGER NOT NULL DEFAULT 0,
	password_hash TEXT,
	created_at    TIMESTAMP NOT NULL,
	updated_at    TIMESTAMP NOT NULL
);
CREATE INDEX users_name ON users (name);
CREATE INDEX users_team ON users (team_id);

CREATE TABLE organisations (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL,
	name_key   TEXT NOT NULL UNIQUE,
	address    TEXT NOT NULL DEFAULT '[]',
	industry   TEXT NOT NULL DEFAULT '',
	owner_id   INTEGER REFERENCES users (id),
	created_at TIMESTAMP NOT NULL,
	updated_at TIMESTAMP NOT NULL
);

CREATE TABLE contacts (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisations (id),
	name            TEXT NOT NULL,
	title           TEXT NOT NULL DEFAULT '',
	email           TEXT NOT NULL DEFAULT '',
	phone           TEXT NOT NULL DEFAULT '',
	role            TEXT NOT NULL DEFAULT '' CHECK (role IN ('', 'sponsor', 'decision-maker',
	                'user', 'technical', 'coach', 'reference')),
	access_to_id    INTEGER REFERENCES contacts (id),
	created_at      TIMESTAMP NOT NULL,
	updated_at      TIMESTAMP NOT NULL
);
CREATE INDEX contacts_organisation ON contacts (organisation_id);

CREATE TABLE deals (
	id              INTEGER PRIMARY KEY,
	organisation_id INTEGER NOT NULL REFERENCES organisations (id),
	owner_id        INTEGER NOT NULL REFERENCES users (id),
	title           TEXT NOT NULL,
	value           INTEGER NOT NULL DEFAULT 0,
	currency        TEXT NOT NULL DEFAULT 'NOK',
	close_date      TEXT CHECK (close_date IS NULL OR close_date = date(close_date)),
	status          TEXT NOT NULL DEFAULT 'open'
	                CHECK (status IN ('open', 'won', 'lost', 'walked')),
	status_reason   TEXT NOT NULL DEFAULT '',
	created_at      TIMESTAMP NOT NULL,
	updated_at      TIMESTAMP NOT NULL
);
CREATE INDEX deals_owner_status ON deals (owner_id, status);
CREATE INDEX deals_organisation ON deals (organisation_id);

CREATE TABLE meetings (
	id           INTEGER PRIMARY KEY,
	deal_id      INTEGER NOT NULL REFERENCES deals (id),
	held         TEXT NOT NULL CHECK (held = date(held)),
	letter_kind  TEXT NOT NULL CHECK (letter_kind IN ('sponsor', 'decision-maker')),
	language     TEXT NOT NULL,
	place        TEXT NOT NULL DEFAULT '',
	participants TEXT NOT NULL DEFAULT '[]',
	notes_file   TEXT NOT NULL DEFAULT '',
	notes_hash   TEXT,
	search_text  TEXT NOT NULL DEFAULT '',
	created_at   TIMESTAMP NOT NULL
);
CREATE INDEX meetings_deal ON meetings (deal_id);
CREATE INDEX meetings_held ON meetings (held);
CREATE UNIQUE INDEX meetings_notes_hash ON meetings (notes_hash) WHERE notes_hash IS NOT NULL;

CREATE TABLE meeting_sections (
	meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	position   INTEGER NOT NULL,
	kind       TEXT NOT NULL,
	heading    TEXT NOT NULL DEFAULT '',
	line       INTEGER NOT NULL DEFAULT 0,
	items      TEXT NOT NULL DEFAULT '[]',
	prose      TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (meeting_id, position)
);

-- Full-text search over the words of the notes: an external-content table
-- kept in step with meetings by triggers.
CREATE VIRTUAL TABLE meetings_fts USING fts5 (
	search_text,
	content = 'meetings',
	content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER meetings_fts_insert AFTER INSERT ON meetings BEGIN
	INSERT INTO meetings_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER meetings_fts_delete AFTER DELETE ON meetings BEGIN
	INSERT INTO meetings_fts (meetings_fts, rowid, search_text)
	VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER meetings_fts_update AFTER UPDATE OF search_text ON meetings BEGIN
	INSERT INTO meetings_fts (meetings_fts, rowid, search_text)
	VALUES ('delete', old.id, old.search_text);
	INSERT INTO meetings_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;

CREATE TABLE letters (
	id           INTEGER PRIMARY KEY,
	deal_id      INTEGER NOT NULL REFERENCES deals (id),
	meeting_id   INTEGER REFERENCES meetings (id),
	kind         TEXT NOT NULL CHECK (kind IN ('sponsor', 'decision-maker')),
	language     TEXT NOT NULL,
	version      INTEGER NOT NULL,
	status       TEXT NOT NULL DEFAULT 'draft'
	             CHECK (status IN ('draft', 'sent', 'confirmed', 'disputed')),
	body         TEXT NOT NULL,
	created_at   TIMESTAMP NOT NULL,
	sent_at      TIMESTAMP,
	confirmed_at TIMESTAMP,
	disputed_at  TIMESTAMP,
	dispute_note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX letters_deal ON letters (deal_id);

CREATE TABLE plans (
	id         INTEGER PRIMARY KEY,
	deal_id    INTEGER NOT NULL REFERENCES deals (id),
	meeting_id INTEGER REFERENCES meetings (id),
	version    INTEGER NOT NULL,
	title      TEXT NOT NULL DEFAULT '',
	footer     TEXT NOT NULL DEFAULT '',
	created_at TIMESTAMP NOT NULL,
	agreed_at  TIMESTAMP,
	UNIQUE (deal_id, version)
);

CREATE TABLE plan_events (
	plan_id       INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
	position      INTEGER NOT NULL,
	text          TEXT NOT NULL,
	event_date    TEXT NOT NULL CHECK (event_date = date(event_date)),
	kind          TEXT NOT NULL DEFAULT 'other',
	kind_inferred INTEGER NOT NULL DEFAULT 0,
	owner         TEXT NOT NULL DEFAULT '',
	checkpoint    INTEGER NOT NULL DEFAULT 0,
	outcome       TEXT NOT NULL DEFAULT '' CHECK (outcome IN ('', 'go', 'stop')),
	note          TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (plan_id, position)
);

CREATE TABLE follow_ups (
	id         INTEGER PRIMARY KEY,
	deal_id    INTEGER NOT NULL REFERENCES deals (id),
	owner_id   INTEGER NOT NULL REFERENCES users (id),
	kind       TEXT NOT NULL CHECK (kind IN ('call', 'mail', 'meeting')),
	due        TEXT NOT NULL CHECK (due = date(due)),
	purpose    TEXT NOT NULL,
	source     TEXT NOT NULL DEFAULT '',
	done_at    TIMESTAMP,
	outcome    TEXT NOT NULL DEFAULT '',
	created_at TIMESTAMP NOT NULL
);
-- The agenda reads one seller's open follow-ups by due date; the list of
-- deals without a next step asks whether a deal has any open follow-up.
CREATE INDEX follow_ups_agenda ON follow_ups (owner_id, due) WHERE done_at IS NULL;
CREATE INDEX follow_ups_open_deal ON follow_ups (deal_id) WHERE done_at IS NULL;
CREATE INDEX follow_ups_deal ON follow_ups (deal_id);

CREATE TABLE follow_up_moves (
	id           INTEGER PRIMARY KEY,
	follow_up_id INTEGER NOT NULL REFERENCES follow_ups (id) ON DELETE CASCADE,
	from_date    TEXT NOT NULL,
	to_date      TEXT NOT NULL,
	reason       TEXT NOT NULL,
	moved_at     TIMESTAMP NOT NULL
);
CREATE INDEX follow_up_moves_follow_up ON follow_up_moves (follow_up_id);

CREATE TABLE reference_stories (
	id              INTEGER PRIMARY KEY,
	customer        TEXT NOT NULL,
	industry        TEXT NOT NULL DEFAULT '',
	pain            TEXT NOT NULL,
	reasons         TEXT NOT NULL DEFAULT '',
	result          TEXT NOT NULL DEFAULT '',
	measured_result TEXT NOT NULL DEFAULT '',
	contact_id      INTEGER REFERENCES contacts (id),
	created_at      TIMESTAMP NOT NULL
);

CREATE TABLE proof_items (
	id           INTEGER PRIMARY KEY,
	deal_id      INTEGER NOT NULL REFERENCES deals (id),
	kind         TEXT NOT NULL,
	description  TEXT NOT NULL DEFAULT '',
	who          TEXT NOT NULL DEFAULT '',
	customer     TEXT NOT NULL DEFAULT '',
	reference_id INTEGER REFERENCES reference_stories (id),
	proof_date   TEXT,
	outcome      TEXT NOT NULL DEFAULT '',
	created_at   TIMESTAMP NOT NULL
);
CREATE INDEX proof_items_deal ON proof_items (deal_id);

CREATE TABLE quotes (
	id              INTEGER PRIMARY KEY,
	deal_id         INTEGER NOT NULL REFERENCES deals (id),
	amount          INTEGER NOT NULL,
	quoted_at       TIMESTAMP NOT NULL,
	override_reason TEXT NOT NULL DEFAULT '',
	override_by     INTEGER REFERENCES users (id),
	created_at      TIMESTAMP NOT NULL
);
CREATE INDEX quotes_deal ON quotes (deal_id);

CREATE TABLE value_items (
	id          INTEGER PRIMARY KEY,
	deal_id     INTEGER NOT NULL REFERENCES deals (id),
	kind        TEXT NOT NULL
	            CHECK (kind IN ('more-revenue', 'lower-cost', 'avoided-cost', 'more-profit')),
	description TEXT NOT NULL,
	amount      INTEGER NOT NULL DEFAULT 0,
	executive   TEXT NOT NULL DEFAULT '',
	created_at  TIMESTAMP NOT NULL
);
CREATE INDEX value_items_deal ON value_items (deal_id);

CREATE TABLE settings (
	key        TEXT PRIMARY KEY,
	value      TEXT NOT NULL,
	updated_at TIMESTAMP NOT NULL
);

-- The audit log refers to users and records by number only: it must outlive
-- what it describes.
CREATE TABLE audit_log (
	id        INTEGER PRIMARY KEY,
	at        TIMESTAMP NOT NULL,
	user_id   INTEGER,
	actor     TEXT NOT NULL,
	entity    TEXT NOT NULL,
	entity_id INTEGER NOT NULL,
	action    TEXT NOT NULL,
	before    TEXT,
	after     TEXT
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
