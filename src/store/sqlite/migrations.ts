/**
 * @module Schema migrations, in order; the schema version is the list's length (PRAGMA
 * user_version). Never edit a released migration: add one.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    start TEXT,
    "end" TEXT
  );
  CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    story_id INTEGER NOT NULL,
    title TEXT NOT NULL,
    start TEXT,
    "end" TEXT
  );
  CREATE INDEX events_story ON events(story_id);
  CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    identity TEXT NOT NULL UNIQUE,
    external_id TEXT,
    path TEXT,
    url TEXT,
    source TEXT,
    author TEXT,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    published TEXT,
    modified TEXT,
    language TEXT,
    content_hash TEXT NOT NULL,
    raw_hash TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    seen_at TEXT NOT NULL,
    duplicate_of INTEGER REFERENCES articles(id),
    similarity REAL,
    changes TEXT,
    event_id INTEGER,
    story_id INTEGER
  );
  CREATE INDEX articles_content_hash ON articles(content_hash);
  CREATE INDEX articles_story ON articles(story_id);
  CREATE INDEX articles_event ON articles(event_id);
  CREATE INDEX articles_duplicate_of ON articles(duplicate_of);
  CREATE TABLE revisions (
    article_id INTEGER NOT NULL REFERENCES articles(id),
    revision INTEGER NOT NULL,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    published TEXT,
    content_hash TEXT NOT NULL,
    stored_at TEXT NOT NULL,
    PRIMARY KEY (article_id, revision)
  );
  CREATE TABLE quotes (
    article_id INTEGER NOT NULL REFERENCES articles(id),
    text TEXT NOT NULL,
    speaker TEXT,
    direct INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    speaker_start INTEGER,
    speaker_end INTEGER
  );
  CREATE INDEX quotes_article ON quotes(article_id);
  CREATE TABLE entity_mentions (
    article_id INTEGER NOT NULL REFERENCES articles(id),
    text TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
  );
  CREATE INDEX entity_mentions_article ON entity_mentions(article_id);
  CREATE INDEX entity_mentions_name ON entity_mentions(name);
  CREATE TABLE figures (
    article_id INTEGER NOT NULL REFERENCES articles(id),
    text TEXT NOT NULL,
    value REAL NOT NULL,
    unit TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
  );
  CREATE INDEX figures_article ON figures(article_id);
  CREATE TABLE date_mentions (
    article_id INTEGER NOT NULL REFERENCES articles(id),
    text TEXT NOT NULL,
    value TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
  );
  CREATE INDEX date_mentions_article ON date_mentions(article_id);
  CREATE TABLE subscriptions (
    feed_url TEXT PRIMARY KEY,
    title TEXT,
    site_url TEXT
  );
  CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id');
  CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
  END;
  CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
  END;
  `,
  // 2: the agencies an article credits, so the fold stage can prefer the credited original after a restart.
  `ALTER TABLE articles ADD COLUMN credits TEXT;`,
  // 3: the story list's order and its outlet filter without scanning every article.
  `
  CREATE INDEX stories_recent ON stories(COALESCE("end", start) DESC, id DESC);
  CREATE INDEX articles_source_story ON articles(source, story_id);
  `,
  // 4: stories merged into another (online story merges): their ids are never given out again, and
  // a link to one leads to the story it joined.
  `
  CREATE TABLE story_merges (
    id INTEGER PRIMARY KEY,
    into_id INTEGER NOT NULL
  );
  CREATE INDEX story_merges_into ON story_merges(into_id);
  `,
  // 5: the grouper's state as of an article, so reopening a store reads back only what came after
  // it instead of every stored article (one row, replaced; a missing or outdated one costs a full read).
  `
  CREATE TABLE grouper_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    last_article_id INTEGER NOT NULL,
    saved_at TEXT NOT NULL,
    data BLOB NOT NULL
  );
  `,
  // 6: how exactly a figure is stated and the range its wording allows ("about 30", "more than
  // 2,400", "several thousand"). Rows stored before read as exact, as they were analysed.
  `
  ALTER TABLE figures ADD COLUMN precision TEXT;
  ALTER TABLE figures ADD COLUMN low REAL;
  ALTER TABLE figures ADD COLUMN high REAL;
  `,
  // 7: who spoke when the article names no one ("a source close to the president"). Quotes stored
  // before have none, as they were analysed.
  `ALTER TABLE quotes ADD COLUMN attribution TEXT;`,
  // 8: what fetching each subscribed feed came to: the validators of its last answer (an unchanged
  // feed then answers 304), when it was fetched and is due again, and its failures in a row.
  `
  ALTER TABLE subscriptions ADD COLUMN etag TEXT;
  ALTER TABLE subscriptions ADD COLUMN last_modified TEXT;
  ALTER TABLE subscriptions ADD COLUMN fetched_at TEXT;
  ALTER TABLE subscriptions ADD COLUMN next_fetch_at TEXT;
  ALTER TABLE subscriptions ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE subscriptions ADD COLUMN last_error TEXT;
  ALTER TABLE subscriptions ADD COLUMN last_items INTEGER;
  ALTER TABLE subscriptions ADD COLUMN last_new INTEGER;
  `,
  // 9: stories the reader follows, with the last article seen in each (what came after it is news)
  // and the last one there when it was followed (what came after it is the story's developments).
  `
  CREATE TABLE followed_stories (
    story_id INTEGER PRIMARY KEY,
    followed_at TEXT NOT NULL,
    since_article_id INTEGER NOT NULL,
    seen_at TEXT NOT NULL,
    seen_article_id INTEGER NOT NULL
  );
  `,
  // 10: events merged into another (the same happening, split by arrival order): their ids are
  // never given out again.
  `
  CREATE TABLE event_merges (
    id INTEGER PRIMARY KEY,
    into_id INTEGER NOT NULL
  );
  `,
  // 11: what the reader marked read or saved, through a reader app (the Fever API); no row: unread.
  `
  CREATE TABLE reader_marks (
    article_id INTEGER PRIMARY KEY,
    read_at TEXT,
    saved_at TEXT
  );
  `,
  // 12: where alerts on followed stories are sent, and the last article each was sent.
  `
  CREATE TABLE alert_targets (
    url TEXT PRIMARY KEY,
    format TEXT NOT NULL,
    link_base TEXT,
    added_at TEXT NOT NULL,
    through_article_id INTEGER NOT NULL,
    sent_at TEXT,
    failed_at TEXT,
    last_error TEXT
  );
  `,
  // 13: the live blog page an article is a post of, so its posts stay one story after a restart.
  `ALTER TABLE articles ADD COLUMN live_page TEXT;`,
  // 14: stories regrouped by hand (merged, or an event moved, by the reader), in order: what the reader
  // decided (stories told apart among it; a merged story's title and events, to undo it), and
  // what tells another process holding the grouper's state that it is out of date.
  `
  CREATE TABLE regroupings (
    id INTEGER PRIMARY KEY,
    made_at TEXT NOT NULL,
    kind TEXT NOT NULL,
    story_id INTEGER NOT NULL,
    into_id INTEGER NOT NULL,
    event_id INTEGER,
    title TEXT,
    event_ids TEXT,
    undone_at TEXT
  );
  `,
];
