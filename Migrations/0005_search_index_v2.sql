-- The full-text index, rebuilt for the tokenizer's second version and
-- declared the way Datasette and sqlite-utils look for it.
--
-- The tokenizer now folds traditional Chinese characters to simplified ones
-- (數據 indexes and matches as 数据) and puts a separator token where
-- punctuation stands between two Latin words ("deep, seek" no longer
-- matches the phrase "deep seek"); an index built by the first version
-- would miss both, so it is built again from the articles.
--
-- content="articles" is written with double quotes and no spaces: that is
-- the form Datasette's and sqlite-utils' detect_fts() match
-- (sql LIKE '%VIRTUAL TABLE%USING FTS%content="articles"%'), so that
-- `datasette --load-extension` offers search on the articles table.

DROP TRIGGER articles_search_insert;
DROP TRIGGER articles_search_delete;
DROP TRIGGER articles_search_update;
DROP TABLE article_search;

CREATE VIRTUAL TABLE article_search USING fts5(title, body, content="articles", content_rowid="id", tokenize="policykb", detail=full);

-- "ORDER BY rank" ranks by BM25 with a title match worth five body matches
-- and an IDF that stays positive (policykb_rank, in
-- Sources/PolicykbFTS5/policykb_rank.c).
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

-- "The 'rebuild' command ... deletes the entire full-text index and then
-- rebuilds it based on the contents of the table or content table."
INSERT INTO article_search(article_search) VALUES ('rebuild');
