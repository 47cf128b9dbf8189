-- Article ids in date order (Sources/PolicyCore/Store/ArticleIDs.swift): an
-- article's id is its day's key × 64 plus its place among that day's
-- articles, so that the full-text index, which keeps its rows in id order,
-- can be read backwards for "newest first" and stop after one page.
--
-- The day key of a sort date is year × 416 + month × 32 + day (absent parts
-- 0; undated 0; unreadable 4160000). Articles beyond a day's 64 slots take
-- the ids after them: an id may name a later day than its article's, never
-- an earlier one. Ingest gives new articles their ids the same way
-- (PolicyStore.articleID).
--
-- The parent keys change with their children's references in one
-- transaction: "When the defer_foreign_keys PRAGMA is on, enforcement of
-- all foreign key constraints is delayed until the outermost transaction is
-- committed."
PRAGMA defer_foreign_keys = ON;

-- Every change of an article's id, and every article deleted with its
-- issue, looks for the evidence that points at it: without this index, a
-- scan of all the evidence each time.
CREATE INDEX goal_evidence_article ON goal_evidence(article_id);

CREATE TEMP TABLE article_renumbering (old_id INTEGER PRIMARY KEY, new_id INTEGER NOT NULL UNIQUE);

INSERT INTO article_renumbering (old_id, new_id)
WITH parts AS (
    SELECT id, sort_date,
           CAST(substr(sort_date, 1, 4) AS INTEGER) AS y,
           CAST(substr(sort_date, 6, 2) AS INTEGER) AS m,
           CAST(substr(sort_date, 9, 2) AS INTEGER) AS d
    FROM articles
), keyed AS (
    SELECT id, CASE
        WHEN sort_date = '' THEN 0
        WHEN sort_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND y >= 1000 AND m BETWEEN 1 AND 12 AND d BETWEEN 1 AND 31
            THEN y * 416 + m * 32 + d
        WHEN sort_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' AND y >= 1000 AND m BETWEEN 1 AND 12 THEN y * 416 + m * 32
        WHEN sort_date GLOB '[0-9][0-9][0-9][0-9]' AND y >= 1000 THEN y * 416
        ELSE 4160000
    END AS day
    FROM parts
)
-- In date order (then by the old id), each article takes the first id of
-- its day or the one after the previous article's, whichever is larger:
-- id_i = max over j ≤ i of (first_j + i − j), a running maximum. A full day
-- spills into the next days' ids, never back.
, ordered AS (
    SELECT id, max(1, day * 64) AS first, row_number() OVER (ORDER BY day, id) - 1 AS n FROM keyed
)
SELECT id, n + max(first - n) OVER (ORDER BY n ROWS UNBOUNDED PRECEDING) FROM ordered;

UPDATE articles SET id = -id;
UPDATE articles SET id = (SELECT new_id FROM temp.article_renumbering WHERE old_id = -articles.id);
UPDATE article_links SET article_id = (SELECT new_id FROM temp.article_renumbering WHERE old_id = article_links.article_id);
UPDATE policy_mentions SET article_id = (SELECT new_id FROM temp.article_renumbering WHERE old_id = policy_mentions.article_id);
UPDATE targets SET article_id = (SELECT new_id FROM temp.article_renumbering WHERE old_id = targets.article_id);
UPDATE goals SET article_id = (SELECT new_id FROM temp.article_renumbering WHERE old_id = goals.article_id);
UPDATE goal_evidence SET article_id = (SELECT new_id FROM temp.article_renumbering WHERE old_id = goal_evidence.article_id);
DROP TABLE temp.article_renumbering;

-- The index holds the old ids: "The 'rebuild' command ... deletes the
-- entire full-text index and then rebuilds it based on the contents of the
-- table or content table."
INSERT INTO article_search(article_search) VALUES ('rebuild');
