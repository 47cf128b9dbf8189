-- Each article's LSH band keys move from story_bands (one row per band,
-- keyed by band) to a blob beside its story: 20 keys, 4 bytes each,
-- little-endian. Ingest looks candidates up in memory
-- (PolicyCore/Stories/StoryBandIndex.swift), loaded once per writer from
-- these blobs, so an article now costs one local row instead of 20 rows
-- scattered through an index: those made every file's transaction rewrite
-- pages all over the file, which took ingest to twice its time on a
-- 20 MB corpus (Docs/PERFORMANCE.md).
--
-- Keys are computed in Swift, so this migration cannot fill the blobs:
-- they stay NULL for articles stored before it, and the next write
-- computes them from the articles' texts (the same keys as before).
ALTER TABLE article_stories ADD COLUMN bands BLOB;

DROP TABLE story_bands;
