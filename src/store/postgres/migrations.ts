/**
 * @module The PostgreSQL schema, in order; the schema version is the list's length (table
 * `storyline_schema`). Never edit a released migration: add one. The first is the SQLite store's
 * ten migrations at once, with PostgreSQL's types: ids are `integer` (read back as numbers), dates
 * and times stay ISO text as in SQLite, compared byte by byte (`COLLATE "C"`, whatever the
 * database's locale), search is a `tsvector` kept by the row itself, and analysis rows carry their
 * place in the article's analysis (`n`), which SQLite keeps by rowid. Analysis rows have no foreign
 * key: they are written by the statement that writes their article, and the key's checks (one query
 * per row) took a fifth of that statement's time.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE stories (
    id integer PRIMARY KEY,
    title text NOT NULL,
    start text COLLATE "C",
    "end" text COLLATE "C"
  );
  CREATE INDEX stories_recent ON stories ((COALESCE("end", start)) DESC, id DESC);
  CREATE TABLE events (
    id integer PRIMARY KEY,
    story_id integer NOT NULL,
    title text NOT NULL,
    start text COLLATE "C",
    "end" text COLLATE "C"
  );
  CREATE INDEX events_story ON events (story_id);
  CREATE TABLE articles (
    id integer PRIMARY KEY,
    identity text NOT NULL UNIQUE,
    external_id text,
    path text,
    url text,
    source text,
    author text,
    title text NOT NULL,
    text text NOT NULL,
    published text COLLATE "C",
    modified text COLLATE "C",
    language text,
    content_hash text NOT NULL,
    raw_hash text NOT NULL,
    revision integer NOT NULL DEFAULT 1,
    seen_at text COLLATE "C" NOT NULL,
    duplicate_of integer REFERENCES articles (id),
    similarity double precision,
    changes text,
    event_id integer,
    story_id integer,
    credits text,
    -- Words as they are written (no stemming, any language), as the SQLite store's FTS5 reads them.
    search tsvector GENERATED ALWAYS AS (to_tsvector('simple', title || ' ' || text)) STORED
  );
  CREATE INDEX articles_content_hash ON articles (content_hash);
  CREATE INDEX articles_story ON articles (story_id);
  CREATE INDEX articles_event ON articles (event_id);
  CREATE INDEX articles_duplicate_of ON articles (duplicate_of);
  CREATE INDEX articles_source_story ON articles (source, story_id);
  CREATE INDEX articles_search ON articles USING gin (search);
  CREATE TABLE revisions (
    article_id integer NOT NULL REFERENCES articles (id),
    revision integer NOT NULL,
    title text NOT NULL,
    text text NOT NULL,
    published text COLLATE "C",
    content_hash text NOT NULL,
    stored_at text COLLATE "C" NOT NULL,
    PRIMARY KEY (article_id, revision)
  );
  CREATE TABLE quotes (
    article_id integer NOT NULL,
    text text NOT NULL,
    speaker text,
    direct integer NOT NULL,
    start integer NOT NULL,
    "end" integer NOT NULL,
    speaker_start integer,
    speaker_end integer,
    attribution text,
    n integer NOT NULL DEFAULT 0
  );
  CREATE INDEX quotes_article ON quotes (article_id);
  CREATE TABLE entity_mentions (
    article_id integer NOT NULL,
    text text NOT NULL,
    name text NOT NULL,
    type text NOT NULL,
    start integer NOT NULL,
    "end" integer NOT NULL,
    n integer NOT NULL DEFAULT 0
  );
  CREATE INDEX entity_mentions_article ON entity_mentions (article_id);
  CREATE INDEX entity_mentions_name ON entity_mentions (name);
  CREATE TABLE figures (
    article_id integer NOT NULL,
    text text NOT NULL,
    value double precision NOT NULL,
    unit text NOT NULL,
    start integer NOT NULL,
    "end" integer NOT NULL,
    precision text,
    low double precision,
    high double precision,
    n integer NOT NULL DEFAULT 0
  );
  CREATE INDEX figures_article ON figures (article_id);
  CREATE TABLE date_mentions (
    article_id integer NOT NULL,
    text text NOT NULL,
    value text,
    start integer NOT NULL,
    "end" integer NOT NULL,
    n integer NOT NULL DEFAULT 0
  );
  CREATE INDEX date_mentions_article ON date_mentions (article_id);
  CREATE TABLE subscriptions (
    feed_url text PRIMARY KEY,
    title text COLLATE "C",
    site_url text,
    etag text,
    last_modified text,
    fetched_at text COLLATE "C",
    next_fetch_at text COLLATE "C",
    failures integer NOT NULL DEFAULT 0,
    last_error text,
    last_items integer,
    last_new integer
  );
  CREATE TABLE story_merges (
    id integer PRIMARY KEY,
    into_id integer NOT NULL
  );
  CREATE INDEX story_merges_into ON story_merges (into_id);
  CREATE TABLE event_merges (
    id integer PRIMARY KEY,
    into_id integer NOT NULL
  );
  CREATE TABLE grouper_state (
    id integer PRIMARY KEY CHECK (id = 1),
    last_article_id integer NOT NULL,
    saved_at text NOT NULL,
    data bytea NOT NULL
  );
  CREATE TABLE followed_stories (
    story_id integer PRIMARY KEY,
    followed_at text COLLATE "C" NOT NULL,
    since_article_id integer NOT NULL,
    seen_at text COLLATE "C" NOT NULL,
    seen_article_id integer NOT NULL
  );
  `,
  // 2: what the reader marked read or saved, through a reader app (the Fever API); no row: unread.
  `
  CREATE TABLE reader_marks (
    article_id integer PRIMARY KEY,
    read_at text COLLATE "C",
    saved_at text COLLATE "C"
  );
  `,
  // 3: where alerts on followed stories are sent, and the last article each was sent.
  `
  CREATE TABLE alert_targets (
    url text PRIMARY KEY,
    format text NOT NULL,
    link_base text,
    added_at text COLLATE "C" NOT NULL,
    through_article_id integer NOT NULL,
    sent_at text COLLATE "C",
    failed_at text COLLATE "C",
    last_error text
  );
  `,
  // 4: the live blog page an article is a post of, so its posts stay one story after a restart.
  `ALTER TABLE articles ADD COLUMN live_page text;`,
  // 5: stories regrouped by hand (merged, or an event moved, by the reader), in order: what the reader
  // decided (stories told apart among it; a merged story's title and events, to undo it), and
  // what tells another process holding the grouper's state that it is out of date.
  `
  CREATE TABLE regroupings (
    id serial PRIMARY KEY,
    made_at text COLLATE "C" NOT NULL,
    kind text NOT NULL,
    story_id integer NOT NULL,
    into_id integer NOT NULL,
    event_id integer,
    title text,
    event_ids text,
    undone_at text COLLATE "C"
  );
  `,
];
