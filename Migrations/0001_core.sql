-- policykb core schema: regions, issues, articles, their links, and the
-- article full-text index. Every table is STRICT: a value of the wrong type
-- is an error, not a silent conversion.

-- Regions an article, policy or goal can belong to: mainland China's
-- divisions by GB/T 2260 code, 'CN' for national bodies, ISO 3166-1 alpha-2
-- for other countries, 'INTL' for several countries or an international body.
CREATE TABLE regions (
    code         TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    short_name   TEXT,
    abbreviation TEXT,
    level        TEXT NOT NULL CHECK (level IN ('international', 'country', 'province', 'prefecture')),
    parent_code  TEXT REFERENCES regions(code)
) STRICT;

CREATE INDEX regions_parent ON regions(parent_code);

-- Every name a text or a user may use for a region: 北京市, 北京, 京.
-- kind: 'name' (official), 'short', 'abbreviation' (one character, never
-- looked for in running text), 'alias' (贵阳贵安, 英国). When one name fits
-- several regions (吉林, 海南) the highest priority wins.
CREATE TABLE region_names (
    name     TEXT NOT NULL,
    code     TEXT NOT NULL REFERENCES regions(code),
    kind     TEXT NOT NULL CHECK (kind IN ('name', 'short', 'abbreviation', 'alias')),
    priority INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (name, code)
) STRICT, WITHOUT ROWID;

-- One ingested file: a bulletin issue, or a JSON Lines batch of articles.
CREATE TABLE issues (
    id                INTEGER PRIMARY KEY,
    publication       TEXT NOT NULL,
    issue_date        TEXT CHECK (issue_date IS NULL OR issue_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    number            INTEGER,
    cumulative_number INTEGER,
    source_file       TEXT NOT NULL,          -- the file's name
    source_path       TEXT NOT NULL UNIQUE,   -- its absolute path: a changed file replaces its issue
    sha256            TEXT NOT NULL UNIQUE,
    bytes             INTEGER NOT NULL,
    format            TEXT NOT NULL CHECK (format IN ('bulletin', 'jsonl')),
    encoding          TEXT NOT NULL,
    ingested_at       TEXT NOT NULL
) STRICT;

-- The body is the last column: SQLite reads a row's columns in order, so
-- filters, sorts and facets on the small ones never walk through the text.
CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    issue_id     INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,             -- order in the issue, from 1
    section      TEXT,
    page         INTEGER,                      -- page number given by the contents
    published_on TEXT CHECK (published_on IS NULL OR published_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
                                               -- its own date (JSON Lines); else the issue's
    region_code  TEXT REFERENCES regions(code),
    source       TEXT,                         -- 来源
    title        TEXT NOT NULL,
    body         TEXT NOT NULL,                -- paragraphs separated by one blank line
    UNIQUE (issue_id, position)
) STRICT;

CREATE TABLE article_links (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    url        TEXT NOT NULL,
    PRIMARY KEY (article_id, position)
) STRICT, WITHOUT ROWID;

-- Full-text index over titles and bodies, with policykb's tokenizer (CJK
-- bigrams plus single characters, see Sources/PolicykbFTS5). External
-- content: the text lives once, in articles; the triggers keep the index in
-- step with every write, whoever makes it.
CREATE VIRTUAL TABLE article_search USING fts5(
    title, body,
    content = 'articles', content_rowid = 'id',
    tokenize = 'policykb',
    detail = full
);

-- "ORDER BY rank" ranks by BM25 with a title match worth five body matches:
-- policykb_rank (Sources/PolicykbFTS5/policykb_rank.c) gives bm25(5.0, 1.0)'s
-- score, reading each document's length through a blob handle.
INSERT INTO article_search(article_search, rank) VALUES ('rank', 'policykb_rank(''article_search'', 5.0, 1.0)');

CREATE TRIGGER articles_search_insert AFTER INSERT ON articles BEGIN
    INSERT INTO article_search(rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN
    INSERT INTO article_search(article_search, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;

CREATE TRIGGER articles_search_update AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO article_search(article_search, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO article_search(rowid, title, body) VALUES (new.id, new.title, new.body);
END;

-- Articles with their issue and region, as the articles command lists them.
CREATE VIEW v_articles AS
SELECT a.id,
       i.publication,
       coalesce(a.published_on, i.issue_date) AS issue_date,
       i.number            AS issue_number,
       i.cumulative_number,
       a.section,
       a.position,
       a.title,
       a.region_code,
       r.name              AS region_name,
       a.source,
       (SELECT json_group_array(url) FROM (SELECT url FROM article_links l WHERE l.article_id = a.id ORDER BY l.position)) AS urls,
       length(a.body)      AS body_chars,
       a.issue_id,
       i.source_file
FROM articles a
JOIN issues i ON i.id = a.issue_id
LEFT JOIN regions r ON r.code = a.region_code;
