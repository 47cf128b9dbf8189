-- What extraction finds in articles: policies and their mentions, policy
-- targets (horizon statements), quantitative goals and the spans of text
-- they come from. Offsets are in Unicode code points into articles.body, so
-- that substr(body, start + 1, end - start) is the quoted text.

-- One row per policy document across articles and issues.
CREATE TABLE policies (
    id              INTEGER PRIMARY KEY,
    title           TEXT NOT NULL,                 -- without 《》 and white space
    title_key       TEXT NOT NULL UNIQUE,          -- widths, dashes and brackets folded
    region_code     TEXT REFERENCES regions(code),
    start_year      INTEGER,                       -- the period the title carries
    end_year        INTEGER,
    effective_from  TEXT,                          -- dates of force, when stated
    effective_until TEXT
) STRICT;

-- Which articles name a policy, with the short name an article declares
-- (以下简称《通知》): an alias holds only inside its article.
CREATE TABLE policy_mentions (
    policy_id  INTEGER NOT NULL REFERENCES policies(id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    alias      TEXT,
    start      INTEGER NOT NULL,                   -- the first mention
    end        INTEGER NOT NULL,
    PRIMARY KEY (policy_id, article_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX policy_mentions_article ON policy_mentions(article_id);

CREATE TABLE targets (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    policy_id   INTEGER REFERENCES policies(id) ON DELETE SET NULL,
    region_code TEXT REFERENCES regions(code),
    year        INTEGER NOT NULL,
    year_source TEXT NOT NULL CHECK (year_source IN ('stated', 'relative', 'policy_period', 'none')),
    text        TEXT NOT NULL,                     -- from the horizon to the end of its sentence
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL
) STRICT;

CREATE INDEX targets_article ON targets(article_id);

CREATE TABLE goals (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    policy_id   INTEGER REFERENCES policies(id) ON DELETE SET NULL,
    target_id   INTEGER REFERENCES targets(id) ON DELETE SET NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('target', 'incentive', 'statistic')),
    metric      TEXT NOT NULL,
    comparator  TEXT NOT NULL CHECK (comparator IN ('>=', '>', '<=', '<', '=', '~')),
    value_exact TEXT NOT NULL,                     -- the exact decimal: '800000000000', '0.5'
    value       REAL NOT NULL,                     -- the same, as a number to sort and compare
    unit        TEXT,                              -- 元, %, 百分点, 家, 项, 台 …
    stretch     INTEGER NOT NULL DEFAULT 0 CHECK (stretch IN (0, 1)),
    year        INTEGER,
    year_source TEXT NOT NULL CHECK (year_source IN ('stated', 'relative', 'policy_period', 'none')),
    region_code TEXT REFERENCES regions(code)
) STRICT;

CREATE INDEX goals_article ON goals(article_id);
CREATE INDEX goals_region_year ON goals(region_code, year);
CREATE INDEX goals_policy ON goals(policy_id);
CREATE INDEX goals_target ON goals(target_id);

-- The words a goal comes from; a goal restated in its article has several.
CREATE TABLE goal_evidence (
    goal_id    INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    PRIMARY KEY (goal_id, position)
) STRICT, WITHOUT ROWID;

-- Readable rows for the sqlite3 shell, pandas and Datasette.

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
       (SELECT json_group_array(article_id) FROM (SELECT m.article_id FROM policy_mentions m
        WHERE m.policy_id = p.id ORDER BY m.article_id)) AS article_ids
FROM policies p
LEFT JOIN regions r ON r.code = p.region_code;

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
       t.end,
       (SELECT json_group_array(id) FROM (SELECT g.id FROM goals g WHERE g.target_id = t.id ORDER BY g.id)) AS goal_ids
FROM targets t
LEFT JOIN policies p ON p.id = t.policy_id
LEFT JOIN regions r ON r.code = t.region_code;

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
       (SELECT json_group_array(json_object('article_id', e.article_id, 'start', e.start, 'end', e.end, 'text', e.text))
        FROM (SELECT * FROM goal_evidence e WHERE e.goal_id = g.id ORDER BY e.position) e) AS evidence
FROM goals g
JOIN articles a ON a.id = g.article_id
JOIN issues i ON i.id = a.issue_id
LEFT JOIN policies p ON p.id = g.policy_id
LEFT JOIN regions r ON r.code = g.region_code;
