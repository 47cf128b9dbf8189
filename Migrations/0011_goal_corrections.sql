-- Analysts' corrections of extracted goals (`policykb goals fix|reject`).
-- A correction names what its goal came from, not the goal's row id (ids
-- change at every re-ingest): the SHA-256 of its article's body and the
-- first span of its evidence. Whenever an article with that body is
-- extracted again (a re-ingested or copied file), the goal quoting that
-- span takes the correction again. The original values stay here, so a
-- corrected goal can always say what extraction had found.
CREATE TABLE goal_corrections (
    id                   INTEGER PRIMARY KEY,
    article_digest       TEXT NOT NULL,            -- SHA-256 (hex) of the article's body in UTF-8
    start                INTEGER NOT NULL,         -- the goal's first evidence span, code points
    end                  INTEGER NOT NULL,
    evidence             TEXT NOT NULL,            -- that span's text
    article_title        TEXT NOT NULL,            -- where the correction was made, kept for
    source_file          TEXT NOT NULL,            -- listing it when the article is gone
    rejected             INTEGER NOT NULL DEFAULT 0 CHECK (rejected IN (0, 1)),
    -- The corrected fields; NULL keeps what extraction found.
    kind                 TEXT CHECK (kind IS NULL OR kind IN ('target', 'incentive', 'statistic')),
    metric               TEXT,
    comparator           TEXT CHECK (comparator IS NULL OR comparator IN ('>=', '>', '<=', '<', '=', '~')),
    value_exact          TEXT,
    value                REAL,
    unit                 TEXT,
    year                 INTEGER,
    note                 TEXT,
    -- What extraction found when the goal was first corrected.
    original_kind        TEXT NOT NULL,
    original_metric      TEXT NOT NULL,
    original_comparator  TEXT NOT NULL,
    original_value_exact TEXT NOT NULL,
    original_unit        TEXT,
    original_year        INTEGER,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    UNIQUE (article_digest, start, end)
) STRICT;

-- The correction a goal row carries. NULL for nearly every row, which costs
-- nothing in SQLite's record format; the partial index covers only the
-- corrected ones.
ALTER TABLE goals ADD COLUMN correction_id INTEGER REFERENCES goal_corrections(id) ON DELETE SET NULL;
CREATE INDEX goals_correction ON goals(correction_id) WHERE correction_id IS NOT NULL;

-- v_goals as in migration 3, with whether the goal was corrected or
-- rejected and what extraction had found, and its issue's publication and
-- number (target lines cite the issue of each event).
DROP VIEW v_goals;
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
        FROM (SELECT * FROM goal_evidence e WHERE e.goal_id = g.id ORDER BY e.position) e) AS evidence,
       g.correction_id,
       g.correction_id IS NOT NULL AS corrected,
       coalesce(c.rejected, 0) AS rejected,
       c.note AS correction_note,
       CASE WHEN c.id IS NULL THEN NULL
            ELSE json_object('kind', c.original_kind, 'metric', c.original_metric, 'comparator', c.original_comparator,
                             'value_exact', c.original_value_exact, 'unit', c.original_unit, 'year', c.original_year)
       END AS original,
       i.publication,
       i.number AS issue_number
FROM goals g
JOIN articles a ON a.id = g.article_id
JOIN issues i ON i.id = a.issue_id
LEFT JOIN policies p ON p.id = g.policy_id
LEFT JOIN regions r ON r.code = g.region_code
LEFT JOIN goal_corrections c ON c.id = g.correction_id;
