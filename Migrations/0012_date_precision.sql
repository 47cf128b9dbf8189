-- How finely each issue's date is known. A monthly's issue (2025年10月号),
-- a quarterly's (2025年第3季度) or one naming only its year keeps its
-- period's first day in issue_date (and in its articles' sort_date, which
-- orders them), and here the period: filters take the issue as the whole
-- period, listings print 2025-10, 2025-Q4 or 2025. Articles' own dates
-- (published_on, from bylines and JSON Lines) are always whole days.
ALTER TABLE issues ADD COLUMN date_precision TEXT NOT NULL DEFAULT 'day'
    CHECK (date_precision IN ('day', 'month', 'quarter', 'year'));

-- Issues stored before this migration said so in a warning instead.
UPDATE issues SET date_precision = 'month'
WHERE id IN (SELECT issue_id FROM issue_warnings WHERE kind = 'dated-by-month');
UPDATE issues SET date_precision = 'quarter'
WHERE id IN (SELECT issue_id FROM issue_warnings WHERE kind = 'dated-by-quarter');
DELETE FROM issue_warnings WHERE kind IN ('dated-by-month', 'dated-by-quarter');

-- v_articles gains the precision of its issue_date, last (as the hub's view,
-- where a view can only grow at its end).
DROP VIEW v_articles;
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
       i.source_file,
       CASE WHEN a.published_on IS NULL THEN i.date_precision ELSE 'day' END AS date_precision
FROM articles a
JOIN issues i ON i.id = a.issue_id
LEFT JOIN regions r ON r.code = a.region_code;
