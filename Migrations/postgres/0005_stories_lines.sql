-- Stories and target-line keys in the hub (SQLite migrations 0013, 0014).
--
-- 1. Stories: the same news in several copies is one story. The hub does
--    not match copies itself (fingerprints are computed in Swift at
--    ingest); it keeps what the pushers found, and joins their findings:
--
--    * A story's hub id is the hub id of its earliest copy, by sort_date
--      then id, among the copies its pushers knew (`stories.first_date`
--      keeps that copy's date, so the choice needs no article row).
--    * `policykb push` writes each pushed article's row with the story its
--      machine gave it, then, for every story with more than one copy on
--      that machine, sends the hub ids of all its copies
--      (policykb_join_stories): every hub story holding one of them is
--      merged into the earliest. Merging is a union of sets and the winner
--      the least (first_date, id), so the result does not depend on the
--      order of pushes or on which machine pushed which issue: pushes from
--      machines that each hold part of a story converge on one id, as long
--      as some machine knew the copies to be one story.
--    * Articles deleted with a replaced issue leave their rows
--      (ON DELETE CASCADE); a story left without copies is deleted at the
--      end of the push.
--
--    `policykb pull` does not bring stories back: the local writer assigns
--    stories to the articles it writes, as ingest does.

CREATE TABLE stories (
    id         bigint PRIMARY KEY,
    first_date text NOT NULL
);
COMMENT ON TABLE stories IS 'One news item in one or more copies (articles). Copies are found by the pushing machines at ingest; the hub joins what they found (policykb_join_stories).';
COMMENT ON COLUMN stories.id IS 'Hub identity: the hub id of its earliest copy (least sort_date, then id) known to any pusher; stable while no earlier copy is pushed.';
COMMENT ON COLUMN stories.first_date IS 'That copy''s sort_date ('''' when unknown): with id, what picks the surviving story when two are merged.';

CREATE TABLE article_stories (
    article_id  bigint PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id    bigint NOT NULL REFERENCES stories(id),
    matched_id  bigint,
    containment double precision
);
CREATE INDEX article_stories_story ON article_stories(story_id);
COMMENT ON TABLE article_stories IS 'Each article''s story, and the copy it was matched to on the machine that pushed it.';
COMMENT ON COLUMN article_stories.article_id IS 'The article (articles.id).';
COMMENT ON COLUMN article_stories.story_id IS 'Its story (stories.id).';
COMMENT ON COLUMN article_stories.matched_id IS 'Hub id of the copy it matched at ingest (not a foreign key: that copy''s issue may not be pushed); NULL for the copy that began the story there.';
COMMENT ON COLUMN article_stories.containment IS 'That match''s containment (0–1), NULL with matched_id.';

-- Joins the stories of the given articles, group by group: every hub story
-- holding an article of a group becomes the earliest of them. Returns how
-- many groups merged something. Callers hold advisory lock
-- 7064707985754113 (HubPush.storyLock) exclusively.
CREATE FUNCTION policykb_join_stories(article_ids bigint[], groups bigint[]) RETURNS integer
LANGUAGE plpgsql AS $join$
DECLARE
    members bigint[];
    held bigint[];
    winner bigint;
    merged integer := 0;
BEGIN
    FOR members IN SELECT array_agg(t.a) FROM unnest(article_ids, groups) AS t(a, g) GROUP BY t.g LOOP
        SELECT array_agg(DISTINCT st.story_id) INTO held FROM article_stories st WHERE st.article_id = ANY (members);
        CONTINUE WHEN coalesce(cardinality(held), 0) < 2;
        SELECT s.id INTO winner FROM stories s WHERE s.id = ANY (held) ORDER BY s.first_date COLLATE "C", s.id LIMIT 1;
        UPDATE article_stories SET story_id = winner WHERE story_id = ANY (held) AND story_id <> winner;
        DELETE FROM stories WHERE id = ANY (held) AND id <> winner;
        merged := merged + 1;
    END LOOP;
    RETURN merged;
END
$join$;
COMMENT ON FUNCTION policykb_join_stories(bigint[], bigint[]) IS 'Merges, per group, every story holding one of the group''s articles into the earliest (least first_date, then id); used by policykb push.';

CREATE VIEW v_story_copies AS
SELECT st.story_id,
       count(*) OVER (PARTITION BY st.story_id) AS copies,
       a.id AS article_id,
       a.title,
       i.publication,
       i.number AS issue_number,
       coalesce(a.published_on, i.issue_date) AS issue_date,
       i.source_file,
       st.matched_id,
       st.containment
FROM article_stories st
JOIN articles a ON a.id = st.article_id
JOIN issues i ON i.id = a.issue_id;
COMMENT ON VIEW v_story_copies IS 'Articles with their story and how many copies the hub holds of it (as the local v_story_copies).';

-- 2. Line keys: each goal's metric key (MetricKey in Sources/PolicyCore/
--    Lines), computed in Swift and sent by push, as the local file stores
--    it; goals pushed before this migration have none until their issue is
--    pushed again. A corrected goal travels with extraction's values, so
--    its key is extraction's metric's key; v_target_lines groups by it.
ALTER TABLE goals ADD COLUMN metric_key text;
CREATE INDEX goals_line ON goals(region_code, metric_key, unit);
COMMENT ON COLUMN goals.metric_key IS 'The metric''s key (scripts folded, punctuation, the region''s own name and scope words dropped, equivalent forms made one): a target line is (region_code, metric_key, unit). Of extraction''s metric, as the goal row.';

CREATE VIEW v_target_lines AS
SELECT g.region_code,
       r.name AS region_name,
       k.metric_key,
       g.unit,
       g.kind,
       count(*) AS goals,
       count(DISTINCT coalesce(st.story_id, g.article_id)) AS stories,
       min(g.year) AS first_year,
       max(g.year) AS last_year,
       (array_agg(g.metric ORDER BY g.metric COLLATE "C"))[1] AS metric,
       json_agg(json_build_object('goal_id', g.id, 'year', g.year, 'comparator', g.comparator, 'value_exact', g.value_exact,
                                  'issue_date', g.issue_date, 'article_id', g.article_id, 'story_id', st.story_id)
                ORDER BY g.year NULLS FIRST, g.issue_date, g.id) AS points
FROM v_goals g
JOIN goals k ON k.id = g.id
LEFT JOIN regions r ON r.code = g.region_code
LEFT JOIN article_stories st ON st.article_id = g.article_id
WHERE g.rejected = 0 AND k.metric_key IS NOT NULL
GROUP BY g.region_code, r.name, k.metric_key, g.unit, g.kind;
COMMENT ON VIEW v_target_lines IS 'Target lines: goals grouped by region, metric key, unit and kind (corrections applied, rejected goals left out), with how many stories state them (copies of one story count once) and their points in time order.';
