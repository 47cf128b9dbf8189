-- The team hub: what `policykb push` sends from SQLite knowledge bases, in
-- the tables and views of the SQLite file (Migrations/0001_core.sql and
-- after), with identities of its own.
--
-- Identities (Docs/ARCHITECTURE.md, "The hub"): a local id is per file
-- (two machines give the same article id to different articles), so every
-- hub id is a content digest: the first 63 bits of a SHA-256, as a bigint.
--   issue   sha256(file bytes), the issue's own digest (issues.sha256)
--   article digest of "<issue sha256>/article/<position>"
--   policy  digest of "policy/<title_key>" (one row per title, as locally)
--   target  digest of "<issue sha256>/target/<n>" (n-th of the issue)
--   goal    digest of "<issue sha256>/goal/<n>"
-- Two pushers of the same issue compute the same ids, so a unique key
-- settles who was first and nothing is duplicated.

CREATE TABLE regions (
    code         text PRIMARY KEY,
    name         text NOT NULL,
    short_name   text,
    abbreviation text,
    level        text NOT NULL CHECK (level IN ('international', 'country', 'province', 'prefecture')),
    parent_code  text REFERENCES regions(code)
);
COMMENT ON TABLE regions IS 'Regions an article, policy or goal belongs to: GB/T 2260 codes for mainland China, CN for national bodies, ISO 3166-1 alpha-2 for other countries, INTL for international bodies.';
COMMENT ON COLUMN regions.code IS 'GB/T 2260 code (110000 Beijing), CN, an ISO 3166-1 alpha-2 code, or INTL.';
COMMENT ON COLUMN regions.name IS 'Official name, e.g. 北京市.';
COMMENT ON COLUMN regions.short_name IS 'Short name, e.g. 北京.';
COMMENT ON COLUMN regions.abbreviation IS 'One-character abbreviation, e.g. 京.';
COMMENT ON COLUMN regions.level IS 'international, country, province or prefecture.';
COMMENT ON COLUMN regions.parent_code IS 'The region this one belongs to (a prefecture''s province).';

CREATE TABLE region_names (
    name     text NOT NULL,
    code     text NOT NULL REFERENCES regions(code),
    kind     text NOT NULL CHECK (kind IN ('name', 'short', 'abbreviation', 'alias')),
    priority integer NOT NULL DEFAULT 0,
    PRIMARY KEY (name, code)
);
COMMENT ON TABLE region_names IS 'Every name a text or a user may use for a region; when a name fits several regions the highest priority wins.';
COMMENT ON COLUMN region_names.kind IS 'name (official), short, abbreviation (never looked for in running text) or alias.';

CREATE TABLE issues (
    id                bigint PRIMARY KEY,
    sha256            text NOT NULL UNIQUE,
    replace_key       text NOT NULL,
    publication       text NOT NULL,
    issue_date        text CHECK (issue_date IS NULL OR issue_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
    number            integer,
    cumulative_number integer,
    source_file       text NOT NULL,
    source_path       text NOT NULL,
    bytes             bigint NOT NULL,
    format            text NOT NULL CHECK (format IN ('bulletin', 'jsonl')),
    encoding          text NOT NULL,
    ingested_at       text NOT NULL,
    pushed_at         timestamptz NOT NULL DEFAULT now(),
    pushed_by         text NOT NULL
);
CREATE INDEX issues_replace_key ON issues(replace_key);
COMMENT ON TABLE issues IS 'One ingested file: a bulletin issue or a JSON Lines batch of articles, as pushed by policykb push.';
COMMENT ON COLUMN issues.id IS 'Hub identity: the first 63 bits of sha256, as a bigint.';
COMMENT ON COLUMN issues.sha256 IS 'SHA-256 of the file''s bytes: the same file pushed from any machine is one issue.';
COMMENT ON COLUMN issues.replace_key IS 'publication, date and file name: a file with this key and other content replaces the issue (a corrected bulletin).';
COMMENT ON COLUMN issues.publication IS 'The bulletin''s name (刊名).';
COMMENT ON COLUMN issues.issue_date IS 'ISO date from the masthead, when given.';
COMMENT ON COLUMN issues.number IS 'Issue number of the year (第8期).';
COMMENT ON COLUMN issues.cumulative_number IS 'Cumulative number (总第221期).';
COMMENT ON COLUMN issues.source_file IS 'The file''s name.';
COMMENT ON COLUMN issues.source_path IS 'Its path on the machine that pushed it first.';
COMMENT ON COLUMN issues.bytes IS 'The file''s size in bytes.';
COMMENT ON COLUMN issues.format IS 'bulletin (text, HTML, PDF) or jsonl.';
COMMENT ON COLUMN issues.encoding IS 'The encoding the file was decoded from (UTF-8, GB18030, …).';
COMMENT ON COLUMN issues.ingested_at IS 'When the pushing machine ingested it (ISO 8601).';
COMMENT ON COLUMN issues.pushed_at IS 'When it reached the hub.';
COMMENT ON COLUMN issues.pushed_by IS 'The pushing machine''s host name and database file.';

CREATE TABLE articles (
    id           bigint PRIMARY KEY,
    issue_id     bigint NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
    position     integer NOT NULL,
    section      text,
    page         integer,
    published_on text CHECK (published_on IS NULL OR published_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
    region_code  text REFERENCES regions(code),
    source       text,
    sort_date    text NOT NULL DEFAULT '',
    title        text NOT NULL,
    body         text NOT NULL,
    -- For policykb_search (Migrations/postgres/0002_search.sql).
    search_title text NOT NULL,
    search_body  text NOT NULL,
    title_tokens integer NOT NULL,
    body_tokens  integer NOT NULL,
    search_terms tsvector NOT NULL,
    UNIQUE (issue_id, position)
);
CREATE INDEX articles_by_date ON articles(sort_date, id);
CREATE INDEX articles_search_terms ON articles USING gin (search_terms);
COMMENT ON TABLE articles IS 'Articles of the issues. For search use policykb_search(query, max) or v_articles.';
COMMENT ON COLUMN articles.id IS 'Hub identity: digest of the issue''s sha256 and the position (not the id of any local file).';
COMMENT ON COLUMN articles.issue_id IS 'The issue (issues.id).';
COMMENT ON COLUMN articles.position IS 'Order in the issue, from 1.';
COMMENT ON COLUMN articles.section IS 'The contents list''s section.';
COMMENT ON COLUMN articles.page IS 'Page number given by the contents.';
COMMENT ON COLUMN articles.published_on IS 'Its own date (JSON Lines); else the issue''s applies.';
COMMENT ON COLUMN articles.region_code IS 'The region whose authority issued it (regions.code).';
COMMENT ON COLUMN articles.source IS '来源: where the bulletin took it from.';
COMMENT ON COLUMN articles.sort_date IS 'Its own date, else its issue''s, '''' when neither is known.';
COMMENT ON COLUMN articles.title IS 'The whole title.';
COMMENT ON COLUMN articles.body IS 'Paragraphs separated by one blank line.';
COMMENT ON COLUMN articles.search_title IS 'The title folded as policykb searches it: traditional to simplified, full-width to ASCII, lower case, white space next to CJK removed.';
COMMENT ON COLUMN articles.search_body IS 'The body folded the same way.';
COMMENT ON COLUMN articles.title_tokens IS 'Tokens of the title by policykb''s tokenizer (one per CJK character, one per word): BM25''s document length.';
COMMENT ON COLUMN articles.body_tokens IS 'Tokens of the body.';
COMMENT ON COLUMN articles.search_terms IS 'The distinct tokens of title and body (CJK bigrams, single characters, words), for the GIN index policykb_search narrows with.';

CREATE TABLE article_links (
    article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position   integer NOT NULL,
    url        text NOT NULL,
    PRIMARY KEY (article_id, position)
);
COMMENT ON TABLE article_links IS 'Links printed with an article, in order.';

CREATE TABLE issue_warnings (
    issue_id bigint NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
    position integer NOT NULL,
    kind     text NOT NULL,
    message  text NOT NULL,
    PRIMARY KEY (issue_id, position)
);
COMMENT ON TABLE issue_warnings IS 'What a user should know about how an issue''s file was read (undecodable bytes, titles inferred, …).';

CREATE TABLE policies (
    id              bigint PRIMARY KEY,
    title           text NOT NULL,
    title_key       text NOT NULL UNIQUE,
    region_code     text REFERENCES regions(code),
    start_year      integer,
    end_year        integer,
    effective_from  text,
    effective_until text
);
COMMENT ON TABLE policies IS 'One row per policy document across articles and issues.';
COMMENT ON COLUMN policies.id IS 'Hub identity: digest of title_key.';
COMMENT ON COLUMN policies.title IS 'The title without 《》 and white space.';
COMMENT ON COLUMN policies.title_key IS 'The title with widths, dashes and brackets folded: one policy per key.';
COMMENT ON COLUMN policies.start_year IS 'First year of the period the title carries.';
COMMENT ON COLUMN policies.end_year IS 'Last year of that period.';
COMMENT ON COLUMN policies.effective_from IS 'Date of entry into force, when stated.';
COMMENT ON COLUMN policies.effective_until IS 'End of validity, when stated.';

CREATE TABLE policy_mentions (
    policy_id  bigint NOT NULL REFERENCES policies(id) ON DELETE CASCADE,
    article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    alias      text,
    start      integer NOT NULL,
    "end"      integer NOT NULL,
    PRIMARY KEY (policy_id, article_id)
);
CREATE INDEX policy_mentions_article ON policy_mentions(article_id);
COMMENT ON TABLE policy_mentions IS 'Which articles name a policy, with the short name an article declares (以下简称《通知》).';
COMMENT ON COLUMN policy_mentions.start IS 'Code-point offset of the first mention in articles.body.';

CREATE TABLE targets (
    id          bigint PRIMARY KEY,
    article_id  bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    policy_id   bigint REFERENCES policies(id) ON DELETE SET NULL,
    region_code text REFERENCES regions(code),
    year        integer NOT NULL,
    year_source text NOT NULL CHECK (year_source IN ('stated', 'relative', 'policy_period', 'none')),
    text        text NOT NULL,
    start       integer NOT NULL,
    "end"       integer NOT NULL
);
CREATE INDEX targets_article ON targets(article_id);
COMMENT ON TABLE targets IS 'Policy targets: horizon statements (到2027年, …) with their sentence.';
COMMENT ON COLUMN targets.year_source IS 'stated, relative (通过2年左右时间), policy_period or none.';
COMMENT ON COLUMN targets.text IS 'From the horizon to the end of its sentence.';

CREATE TABLE goals (
    id          bigint PRIMARY KEY,
    article_id  bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    policy_id   bigint REFERENCES policies(id) ON DELETE SET NULL,
    target_id   bigint REFERENCES targets(id) ON DELETE SET NULL,
    kind        text NOT NULL CHECK (kind IN ('target', 'incentive', 'statistic')),
    metric      text NOT NULL,
    comparator  text NOT NULL CHECK (comparator IN ('>=', '>', '<=', '<', '=', '~')),
    value_exact text NOT NULL,
    value       double precision NOT NULL,
    unit        text,
    stretch     integer NOT NULL DEFAULT 0 CHECK (stretch IN (0, 1)),
    year        integer,
    year_source text NOT NULL CHECK (year_source IN ('stated', 'relative', 'policy_period', 'none')),
    region_code text REFERENCES regions(code)
);
CREATE INDEX goals_article ON goals(article_id);
CREATE INDEX goals_region_year ON goals(region_code, year);
CREATE INDEX goals_policy ON goals(policy_id);
COMMENT ON TABLE goals IS 'Quantitative goals: numbers a policy sets (target), grants (incentive) or reports (statistic).';
COMMENT ON COLUMN goals.kind IS 'target, incentive or statistic.';
COMMENT ON COLUMN goals.metric IS 'What is counted, a short phrase from the text.';
COMMENT ON COLUMN goals.comparator IS '>=, >, <=, <, = or ~ (about).';
COMMENT ON COLUMN goals.value_exact IS 'The exact decimal in base units (元, the number before %).';
COMMENT ON COLUMN goals.value IS 'The same as a number, to sort and compare.';
COMMENT ON COLUMN goals.unit IS '元, %, 百分点, 家, 项, 台, …';
COMMENT ON COLUMN goals.stretch IS '1 for an aspirational figure (力争, 争取).';
COMMENT ON COLUMN goals.year IS 'The horizon year.';

CREATE TABLE goal_evidence (
    goal_id    bigint NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
    position   integer NOT NULL,
    article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start      integer NOT NULL,
    "end"      integer NOT NULL,
    text       text NOT NULL,
    PRIMARY KEY (goal_id, position)
);
CREATE INDEX goal_evidence_article ON goal_evidence(article_id);
COMMENT ON TABLE goal_evidence IS 'The words a goal comes from: substr(body, start + 1, "end" - start) = text.';

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
       (SELECT coalesce(json_agg(l.url ORDER BY l.position), '[]'::json) FROM article_links l WHERE l.article_id = a.id) AS urls,
       length(a.body)      AS body_chars,
       a.issue_id,
       i.source_file
FROM articles a
JOIN issues i ON i.id = a.issue_id
LEFT JOIN regions r ON r.code = a.region_code;
COMMENT ON VIEW v_articles IS 'Articles with their issue and region, as policykb articles lists them.';

CREATE VIEW v_policies AS
SELECT p.id,
       p.title,
       (SELECT m.alias FROM policy_mentions m WHERE m.policy_id = p.id AND m.alias IS NOT NULL
        GROUP BY m.alias ORDER BY count(*) DESC, min(m.article_id) LIMIT 1) AS alias,
       p.region_code,
       r.name AS region_name,
       p.start_year,
       p.end_year,
       p.effective_from,
       p.effective_until,
       (SELECT coalesce(json_agg(m.article_id ORDER BY m.article_id), '[]'::json) FROM policy_mentions m WHERE m.policy_id = p.id) AS article_ids
FROM policies p
LEFT JOIN regions r ON r.code = p.region_code;
COMMENT ON VIEW v_policies IS 'Policies with their most used short name and the articles that name them.';

CREATE VIEW v_targets AS
SELECT t.id,
       t.article_id,
       t.policy_id,
       p.title AS policy_title,
       t.region_code,
       r.name AS region_name,
       t.year,
       t.year_source,
       t.text,
       t.start,
       t."end",
       (SELECT coalesce(json_agg(g.id ORDER BY g.id), '[]'::json) FROM goals g WHERE g.target_id = t.id) AS goal_ids
FROM targets t
LEFT JOIN policies p ON p.id = t.policy_id
LEFT JOIN regions r ON r.code = t.region_code;
COMMENT ON VIEW v_targets IS 'Targets with their policy, region and goals.';

CREATE VIEW v_goals AS
SELECT g.id,
       g.kind,
       g.article_id,
       a.title AS article_title,
       i.issue_date,
       g.policy_id,
       p.title AS policy_title,
       g.region_code,
       r.name AS region_name,
       r.parent_code AS region_parent,
       g.year,
       g.year_source,
       g.metric,
       g.comparator,
       g.value,
       g.value_exact,
       g.unit,
       g.stretch,
       g.target_id,
       (SELECT coalesce(json_agg(json_build_object('article_id', e.article_id, 'start', e.start, 'end', e."end", 'text', e.text)
                                 ORDER BY e.position), '[]'::json)
        FROM goal_evidence e WHERE e.goal_id = g.id) AS evidence
FROM goals g
JOIN articles a ON a.id = g.article_id
JOIN issues i ON i.id = a.issue_id
LEFT JOIN policies p ON p.id = g.policy_id
LEFT JOIN regions r ON r.code = g.region_code;
COMMENT ON VIEW v_goals IS 'Goals with their article, policy, region and evidence, as policykb goals lists them.';
