-- Stories: the same news in several copies (another periodical, a later
-- issue, a web page, lightly edited) is one story with its appearances.
-- Copies are found at ingest (Sources/PolicyExtraction/Stories: shingles of
-- the folded body, MinHash, LSH bands; a candidate confirmed on the texts,
-- with a guard against formulaic news) and joined to the story of the copy
-- they match best. A story's id is never reused, so it can be cited; it
-- lives as long as one of its copies does.
CREATE TABLE stories (
    id     INTEGER PRIMARY KEY AUTOINCREMENT,
    copies INTEGER NOT NULL DEFAULT 0     -- articles in the story, kept by ingest
) STRICT;

-- Searches ask only for stories with more than one copy (the ones to fold
-- together): the partial index holds just those.
CREATE INDEX stories_shared ON stories(id) WHERE copies > 1;

-- Each article's story, and how it joined: the copy it matched and that
-- match's containment (NULL for the article that began the story).
CREATE TABLE article_stories (
    article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id    INTEGER NOT NULL REFERENCES stories(id),
    matched_id  INTEGER,
    containment REAL
) STRICT;

CREATE INDEX article_stories_story ON article_stories(story_id);

-- LSH bands of each article's MinHash signature: an article sharing a band
-- with a new one is a candidate copy. Keyed by band, so a new article's 16
-- look-ups are index seeks whatever the size of the file. Rows of deleted
-- articles are removed by ingest (from the bands of their bodies); a row
-- left behind only offers a candidate that the texts then refuse.
CREATE TABLE story_bands (
    band       INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    PRIMARY KEY (band, article_id)
) STRICT, WITHOUT ROWID;

-- Articles with their story, as `show` and the views' users read them.
CREATE VIEW v_story_copies AS
SELECT st.story_id,
       s.copies,
       a.id AS article_id,
       a.title,
       i.publication,
       i.number AS issue_number,
       coalesce(a.published_on, i.issue_date) AS issue_date,
       i.source_file,
       st.matched_id,
       st.containment
FROM article_stories st
JOIN stories s ON s.id = st.story_id
JOIN articles a ON a.id = st.article_id
JOIN issues i ON i.id = a.issue_id;

-- Articles stored before this migration have no story yet: the first write
-- after it gives them theirs (in Swift: fingerprints are not SQL), oldest
-- first, and empties this list.
CREATE TABLE stories_pending (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE
) STRICT;
INSERT INTO stories_pending (article_id) SELECT id FROM articles;
