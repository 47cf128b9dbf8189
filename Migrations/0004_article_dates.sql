-- Articles from JSON Lines carry their own publication date; a bulletin's
-- articles take the issue's.
ALTER TABLE articles ADD COLUMN published_on TEXT
    CHECK (published_on IS NULL OR published_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');

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
       i.source_file
FROM articles a
JOIN issues i ON i.id = a.issue_id
LEFT JOIN regions r ON r.code = a.region_code;
