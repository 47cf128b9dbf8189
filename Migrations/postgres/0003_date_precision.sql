-- How finely each issue's date is known, as in the SQLite file (its
-- migration 0012): a monthly's issue (2025年10月号), a quarterly's
-- (2025年第3季度) or one naming only its year keeps the period's first day
-- in issue_date and the period here.
ALTER TABLE issues ADD COLUMN date_precision text NOT NULL DEFAULT 'day'
    CHECK (date_precision IN ('day', 'month', 'quarter', 'year'));
COMMENT ON COLUMN issues.date_precision IS 'How finely issue_date is known: day, month, quarter or year; issue_date is then the period''s first day (2025-10-01 for 2025年10月号), and the issue covers the whole period.';

-- Issues pushed before this migration said so in a warning instead.
UPDATE issues SET date_precision = 'month'
WHERE id IN (SELECT issue_id FROM issue_warnings WHERE kind = 'dated-by-month');
UPDATE issues SET date_precision = 'quarter'
WHERE id IN (SELECT issue_id FROM issue_warnings WHERE kind = 'dated-by-quarter');
DELETE FROM issue_warnings WHERE kind IN ('dated-by-month', 'dated-by-quarter');

-- v_articles gains the precision of its issue_date (an article's own date
-- is a day), at its end: the only place a view can grow.
CREATE OR REPLACE VIEW v_articles AS
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
       i.source_file,
       CASE WHEN a.published_on IS NULL THEN i.date_precision ELSE 'day' END AS date_precision
FROM articles a
JOIN issues i ON i.id = a.issue_id
LEFT JOIN regions r ON r.code = a.region_code;
COMMENT ON COLUMN v_articles.date_precision IS 'How finely issue_date is known: day for an article''s own date, else its issue''s precision (day, month, quarter, year).';
