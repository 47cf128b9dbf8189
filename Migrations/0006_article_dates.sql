-- Each article's date for sorting: its own date, else its issue's, '' when
-- neither is known. Kept in the row (written with the article) so that an
-- index can hold it: "newest first" then walks the index and stops after
-- the page it needs, instead of sorting every match.
ALTER TABLE articles ADD COLUMN sort_date TEXT NOT NULL DEFAULT '';

UPDATE articles SET sort_date = coalesce(published_on, (SELECT issue_date FROM issues i WHERE i.id = articles.issue_id), '');

CREATE INDEX articles_by_date ON articles(sort_date, id);
