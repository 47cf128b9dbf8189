-- What a user should know about how an issue's file was read: bytes that
-- could not be decoded, titles not found as the contents list has them,
-- articles found by their headings, a text read as one article. The issue
-- was stored all the same; `policykb check` lists the files that have any.
CREATE TABLE issue_warnings (
    issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind     TEXT NOT NULL,
    message  TEXT NOT NULL,
    PRIMARY KEY (issue_id, position)
) STRICT;
