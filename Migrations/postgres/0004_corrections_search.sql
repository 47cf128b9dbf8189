-- Analysts' corrections in the hub, and policykb_search with the CLI's
-- whole query language (parentheses), faster.
--
-- 1. Corrections (`policykb goals fix|reject`, SQLite migration 0011):
--    `policykb push` sends them, `policykb pull` brings them back and
--    applies them as ingest does. A correction is keyed as locally: the
--    SHA-256 of its article's body and the goal's first evidence span, so
--    it names the goal on every machine, whatever the local ids. The hub's
--    goals keep extraction's values (push sends a corrected goal's original
--    values); v_goals shows them corrected, as the local v_goals does.
--    Two machines' versions of one correction merge field by field
--    (CorrectionRecord.merged in Sources/PolicyCore): a field set by the
--    version changed later wins, one it left unset keeps the earlier
--    version's value, a rejection stays.

-- Where a correction's article digest is looked up: the body's SHA-256,
-- sent by push; rows pushed before this migration are hashed here.
ALTER TABLE articles ADD COLUMN body_sha256 text;
UPDATE articles SET body_sha256 = encode(sha256(convert_to(body, 'UTF8')), 'hex');
ALTER TABLE articles ALTER COLUMN body_sha256 SET NOT NULL;
CREATE INDEX articles_body_sha256 ON articles(body_sha256);
COMMENT ON COLUMN articles.body_sha256 IS 'SHA-256 (hex) of the body in UTF-8: what a correction (goal_corrections.article_digest) names.';

-- The goal's place among its issue's goals (the n of its id's digest
-- "<issue sha256>/goal/<n>"): when goals share a first evidence span, the
-- first takes the correction, as locally (lowest local id). Rows pushed
-- before this migration get it from their ids.
ALTER TABLE goals ADD COLUMN ordinal integer;
UPDATE goals g SET ordinal = s.n
FROM (SELECT (('x' || substr(encode(sha256(convert_to(i.sha256 || '/goal/' || n, 'UTF8')), 'hex'), 1, 16))::bit(64)::bigint
              & 9223372036854775807) AS id, n
      FROM issues i
      CROSS JOIN LATERAL generate_series(0, (SELECT count(*) FROM goals x JOIN articles a ON a.id = x.article_id
                                             WHERE a.issue_id = i.id) - 1) n) s
WHERE g.id = s.id;
COMMENT ON COLUMN goals.ordinal IS 'Its place among the goals of its issue, from 0 (the pushing machine''s order).';
COMMENT ON COLUMN goals.kind IS 'target, incentive or statistic, as extracted (v_goals shows corrections).';
COMMENT ON COLUMN goals.value_exact IS 'The exact decimal in base units (元, the number before %), as extracted (v_goals shows corrections).';

CREATE TABLE goal_corrections (
    id                   bigint PRIMARY KEY,
    article_digest       text NOT NULL,
    start                integer NOT NULL,
    "end"                integer NOT NULL,
    evidence             text NOT NULL,
    article_title        text NOT NULL,
    source_file          text NOT NULL,
    rejected             integer NOT NULL DEFAULT 0 CHECK (rejected IN (0, 1)),
    kind                 text CHECK (kind IS NULL OR kind IN ('target', 'incentive', 'statistic')),
    metric               text,
    comparator           text CHECK (comparator IS NULL OR comparator IN ('>=', '>', '<=', '<', '=', '~')),
    value_exact          text,
    value                double precision,
    unit                 text,
    year                 integer,
    note                 text,
    original_kind        text NOT NULL,
    original_metric      text NOT NULL,
    original_comparator  text NOT NULL,
    original_value_exact text NOT NULL,
    original_unit        text,
    original_year        integer,
    created_at           text NOT NULL,
    updated_at           text NOT NULL,
    pushed_at            timestamptz NOT NULL DEFAULT now(),
    pushed_by            text NOT NULL,
    UNIQUE (article_digest, start, "end")
);
COMMENT ON TABLE goal_corrections IS 'Analysts'' corrections of extracted goals (policykb goals fix|reject), from every machine that pushed, merged field by field. v_goals applies them; v_corrections lists them with the goals they apply to.';
COMMENT ON COLUMN goal_corrections.id IS 'Hub identity: digest of "correction/<article_digest>/<start>/<end>".';
COMMENT ON COLUMN goal_corrections.article_digest IS 'SHA-256 (hex) of the corrected goal''s article body (articles.body_sha256): the same text in any issue or copy takes the correction.';
COMMENT ON COLUMN goal_corrections.start IS 'The goal''s first evidence span, code points into the body.';
COMMENT ON COLUMN goal_corrections."end" IS 'End of that span.';
COMMENT ON COLUMN goal_corrections.evidence IS 'That span''s text.';
COMMENT ON COLUMN goal_corrections.article_title IS 'The article''s title where the correction was first made (for listing it when no article matches).';
COMMENT ON COLUMN goal_corrections.source_file IS 'The file that article came from.';
COMMENT ON COLUMN goal_corrections.rejected IS '1: the figure is no goal (policykb goals reject); listings leave it out.';
COMMENT ON COLUMN goal_corrections.kind IS 'Corrected kind; NULL keeps extraction''s.';
COMMENT ON COLUMN goal_corrections.metric IS 'Corrected metric; NULL keeps extraction''s.';
COMMENT ON COLUMN goal_corrections.comparator IS 'Corrected comparator; NULL keeps extraction''s.';
COMMENT ON COLUMN goal_corrections.value_exact IS 'Corrected value (exact decimal in base units); NULL keeps extraction''s.';
COMMENT ON COLUMN goal_corrections.value IS 'The same as a number.';
COMMENT ON COLUMN goal_corrections.unit IS 'Corrected unit; NULL keeps extraction''s.';
COMMENT ON COLUMN goal_corrections.year IS 'Corrected horizon year; NULL keeps extraction''s.';
COMMENT ON COLUMN goal_corrections.note IS 'The analyst''s reason.';
COMMENT ON COLUMN goal_corrections.original_kind IS 'What extraction had found when the goal was first corrected: kind.';
COMMENT ON COLUMN goal_corrections.original_metric IS 'Extraction''s metric.';
COMMENT ON COLUMN goal_corrections.original_comparator IS 'Extraction''s comparator.';
COMMENT ON COLUMN goal_corrections.original_value_exact IS 'Extraction''s value.';
COMMENT ON COLUMN goal_corrections.original_unit IS 'Extraction''s unit.';
COMMENT ON COLUMN goal_corrections.original_year IS 'Extraction''s year.';
COMMENT ON COLUMN goal_corrections.created_at IS 'When it was first made (ISO 8601, UTC, the analyst''s machine clock).';
COMMENT ON COLUMN goal_corrections.updated_at IS 'When it was last changed, on whichever machine: of two versions, the fields of the later win.';
COMMENT ON COLUMN goal_corrections.pushed_at IS 'When the hub last received a change to it.';
COMMENT ON COLUMN goal_corrections.pushed_by IS 'The machine (host name and database file) that pushed that change.';

-- Which goal carries a correction, per article with the corrected body:
-- the goal whose first evidence span is the correction's; of several, the
-- one with extraction's original value, then metric, then the first
-- (as PolicyStore.applyCorrections chooses).
CREATE VIEW v_corrections AS
SELECT c.id AS correction_id,
       m.goal_id,
       m.article_id,
       CASE WHEN m.goal_id IS NULL THEN 'unmatched' ELSE 'applied' END AS status,
       c.article_digest, c.start, c."end", c.evidence, c.article_title, c.source_file, c.rejected,
       c.kind, c.metric, c.comparator, c.value_exact, c.value, c.unit, c.year, c.note,
       c.original_kind, c.original_metric, c.original_comparator, c.original_value_exact, c.original_unit, c.original_year,
       c.created_at, c.updated_at, c.pushed_by
FROM goal_corrections c
LEFT JOIN (
    SELECT DISTINCT ON (a.id, c.id) c.id AS correction_id, g.id AS goal_id, a.id AS article_id
    FROM goal_corrections c
    JOIN articles a ON a.body_sha256 = c.article_digest
    JOIN goals g ON g.article_id = a.id
    JOIN goal_evidence e ON e.goal_id = g.id AND e.position = 1 AND e.start = c.start AND e."end" = c."end"
    ORDER BY a.id, c.id, (g.value_exact = c.original_value_exact) DESC, (g.metric = c.original_metric) DESC,
             g.ordinal NULLS LAST, g.id
) m ON m.correction_id = c.id;
COMMENT ON VIEW v_corrections IS 'Every correction with the goal that carries it (one row per article with the corrected text; goal_id NULL when none is in the hub), as policykb corrections lists them.';

DROP VIEW v_goals;
CREATE VIEW v_goals AS
SELECT g.id,
       coalesce(c.kind, g.kind) AS kind,
       g.article_id,
       a.title AS article_title,
       i.issue_date,
       g.policy_id,
       p.title AS policy_title,
       g.region_code,
       r.name AS region_name,
       r.parent_code AS region_parent,
       coalesce(c.year, g.year) AS year,
       CASE WHEN c.year IS NOT NULL AND g.year_source = 'none' THEN 'stated' ELSE g.year_source END AS year_source,
       coalesce(c.metric, g.metric) AS metric,
       coalesce(c.comparator, g.comparator) AS comparator,
       coalesce(c.value, g.value) AS value,
       coalesce(c.value_exact, g.value_exact) AS value_exact,
       coalesce(c.unit, g.unit) AS unit,
       g.stretch,
       g.target_id,
       (SELECT coalesce(json_agg(json_build_object('article_id', e.article_id, 'start', e.start, 'end', e."end", 'text', e.text)
                                 ORDER BY e.position), '[]'::json)
        FROM goal_evidence e WHERE e.goal_id = g.id) AS evidence,
       c.id AS correction_id,
       c.id IS NOT NULL AS corrected,
       coalesce(c.rejected, 0) AS rejected,
       c.note AS correction_note,
       CASE WHEN c.id IS NULL THEN NULL
            ELSE json_build_object('kind', c.original_kind, 'metric', c.original_metric, 'comparator', c.original_comparator,
                                   'value_exact', c.original_value_exact, 'unit', c.original_unit, 'year', c.original_year)
       END AS original,
       i.publication,
       i.number AS issue_number
FROM goals g
JOIN articles a ON a.id = g.article_id
JOIN issues i ON i.id = a.issue_id
LEFT JOIN policies p ON p.id = g.policy_id
LEFT JOIN regions r ON r.code = g.region_code
LEFT JOIN v_corrections vc ON vc.goal_id = g.id
LEFT JOIN goal_corrections c ON c.id = vc.correction_id;
COMMENT ON VIEW v_goals IS 'Goals with their article, policy, region and evidence, corrections applied (corrected, rejected, original), as policykb goals lists them.';

-- 2. policykb_search with the CLI's whole query language and faster.
--
-- The query is parsed as SearchQuery.parse parses it (parentheses, OR, AND,
-- NOT and -, title:, "phrases"; the same errors), into an SQL condition on
-- each term's presence and an index lookup. The search then runs as one
-- statement built for the query (EXECUTE), in which every test is a
-- built-in C function (strpos, replace, regexp_count) rather than a
-- PL/pgSQL loop:
--   * one pass over the rows the index offers for any term to find: each
--     folded text is read once (detoasted in a subquery), each term's
--     presence tested once; the same pass counts each term's documents for
--     its IDF (no pass per term, no count of the whole table);
--   * occurrences counted only in the matching rows: the byte length that
--     replace() removes, or regexp_count for Latin words (whole) and terms
--     that overlap themselves (哈哈 twice in 哈哈哈, as FTS5 counts);
--   * the collection's size and average length from per-issue sums kept
--     by push (issues.article_count, token_count), not a scan of articles.

-- The folded texts search reads, compressed with LZ4 where the server has
-- it (PostgreSQL 14 and later, built --with-lz4, as Debian's is): it
-- decompresses several times faster than the default pglz. Rows pushed
-- from now on; an older server keeps pglz.
DO $lz4$
BEGIN
    ALTER TABLE articles ALTER COLUMN search_title SET COMPRESSION lz4, ALTER COLUMN search_body SET COMPRESSION lz4;
EXCEPTION WHEN OTHERS THEN
    NULL;
END
$lz4$;

ALTER TABLE issues ADD COLUMN article_count integer;
ALTER TABLE issues ADD COLUMN token_count bigint;
UPDATE issues i SET article_count = s.n, token_count = s.tokens
FROM (SELECT issue_id, count(*) AS n, sum(title_tokens + body_tokens) AS tokens FROM articles GROUP BY issue_id) s
WHERE s.issue_id = i.id;
UPDATE issues SET article_count = 0, token_count = 0 WHERE article_count IS NULL;
ALTER TABLE issues ALTER COLUMN article_count SET NOT NULL;
ALTER TABLE issues ALTER COLUMN token_count SET NOT NULL;
COMMENT ON COLUMN issues.article_count IS 'Its articles: summed over issues, BM25''s number of documents.';
COMMENT ON COLUMN issues.token_count IS 'Tokens of its articles'' titles and bodies: summed over issues, BM25''s average length.';

DROP FUNCTION policykb_search(text, integer);
DROP FUNCTION policykb_score(text, text, integer, text[], text[], integer[], boolean[], boolean[], double precision[], double precision);
DROP FUNCTION policykb_query_terms(text);
DROP FUNCTION policykb_count(text, text, text);
DROP FUNCTION policykb_contains(text, text, text);

-- Characters that make tokens (the tokenizer's CJK, then letters and digits
-- after folding), and white space as Swift's Character.isWhitespace has it.
CREATE FUNCTION policykb_token_class() RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT '\u4e00-\u9fff\u3400-\u4dbf\U00020000-\U0003ffff\uf900-\ufaff\u3007\u3005\u3040-\u30ff\u31f0-\u31ff\uac00-\ud7af0-9a-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff'
$$;
CREATE FUNCTION policykb_space_class() RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT '\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000'
$$;

-- The query's tokens, as SearchQuery.lex makes them: kinds w (word),
-- q (quoted), ( ) | (OR) & (AND) ! (NOT) - (minus) t (title:).
CREATE FUNCTION policykb_query_lex(query text, OUT kinds text[], OUT vals text[])
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $lex$
DECLARE
    q text := translate(query, '“”＂', '"""');
    n integer := char_length(q);
    i integer := 1;
    j integer;
    c text;
    word text;
    space text := '[' || policykb_space_class() || ']';
    boundary text := '[' || policykb_space_class() || '()（）"]';
BEGIN
    kinds := '{}';
    vals := '{}';
    IF char_length(query) > 1000 THEN
        RAISE EXCEPTION 'policykb_search: the query has % characters; at most 1000 are searched', char_length(query);
    END IF;
    IF query ~ '[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\u009f]' THEN
        RAISE EXCEPTION 'policykb_search: the query holds a control character';
    END IF;
    WHILE i <= n LOOP
        c := substr(q, i, 1);
        IF c ~ space THEN i := i + 1; CONTINUE; END IF;
        IF c IN ('(', '（') THEN kinds := kinds || 'paren_open'::text; vals := vals || c; i := i + 1; CONTINUE; END IF;
        IF c IN (')', '）') THEN kinds := kinds || 'paren_close'::text; vals := vals || c; i := i + 1; CONTINUE; END IF;
        IF c = '"' THEN
            -- An unclosed quote runs to the end; a lone quote is no phrase.
            j := strpos(substr(q, i + 1), '"');
            IF j = 0 THEN word := substr(q, i + 1); i := n + 1;
            ELSE word := substr(q, i + 1, j - 1); i := i + j + 1;
            END IF;
            IF word ~ ('[^' || policykb_space_class() || ']') THEN kinds := kinds || 'q'::text; vals := vals || word; END IF;
            CONTINUE;
        END IF;
        IF c IN ('-', '－') AND i < n AND substr(q, i + 1, 1) !~ boundary
           AND (cardinality(kinds) = 0 OR kinds[cardinality(kinds)] IN ('paren_open', '|', '&', '!')
                OR (i > 1 AND substr(q, i - 1, 1) ~ space)) THEN
            kinds := kinds || '-'::text; vals := vals || c; i := i + 1; CONTINUE;
        END IF;
        j := i;
        WHILE j <= n AND substr(q, j, 1) !~ boundary LOOP j := j + 1; END LOOP;
        word := substr(q, i, j - i);
        i := j;
        IF lower(word) LIKE 'title:%' OR lower(word) LIKE 'title：%' THEN
            kinds := kinds || 't'::text; vals := vals || 'title:'::text;
            word := substr(word, 7);
            CONTINUE WHEN word = '';
        END IF;
        kinds := kinds || CASE word WHEN 'OR' THEN '|' WHEN '|' THEN '|' WHEN 'AND' THEN '&' WHEN '&' THEN '&'
                                    WHEN 'NOT' THEN '!' ELSE 'w' END;
        vals := vals || word;
    END LOOP;
END
$lex$;

-- A phrase as matched: folded, without what the tokenizer does not see at
-- its ends (SearchQuery.tokenizedCore: "5%" is the token 5).
CREATE FUNCTION policykb_query_term(phrase text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
SELECT regexp_replace(policykb_fold(phrase), '^[^' || policykb_token_class() || ']+|[^' || policykb_token_class() || ']+$', '', 'g')
$$;

-- The recursive descent of SearchQuery.Parser over the tokens from `pos`:
-- policykb_query_or, _and and _unary each return the position after what
-- they read, the terms met so far (keys: 't' or 'b' for titles only or
-- not, then the phrase as typed; a term's number is its place in keys),
-- `expr`, an SQL condition on the placeholders h<n>_ of the terms'
-- presence, `relaxed`, the same without its exclusions, and `lookup`,
-- the tsquery of the rows the index offers (exclusions dropped). Equal
-- parts of an AND or an OR are kept once, as SearchQuery.simplify does.
CREATE FUNCTION policykb_query_unary(kinds text[], vals text[], INOUT pos integer, title boolean, depth integer,
                                     INOUT keys text[], OUT expr text, OUT relaxed text, OUT lookup text)
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $unary$
DECLARE
    kind text;
    key text;
    term text;
    r record;
    k integer;
BEGIN
    IF pos > cardinality(kinds) THEN RAISE EXCEPTION 'policykb_search: query needs a term on both sides'; END IF;
    kind := kinds[pos];
    pos := pos + 1;
    IF kind IN ('paren_open', 't') THEN
        depth := depth + 1;
        IF depth > 16 THEN RAISE EXCEPTION 'policykb_search: parentheses and title: nest more than 16 deep'; END IF;
    END IF;
    IF kind IN ('w', 'q') THEN
        term := policykb_query_term(vals[pos - 1]);
        IF term = '' THEN
            RAISE EXCEPTION 'policykb_search: 「%」has no letters, digits or CJK characters to search for', vals[pos - 1];
        END IF;
        key := CASE WHEN title THEN 't' ELSE 'b' END || vals[pos - 1];
        k := array_position(keys, key);
        IF k IS NULL THEN keys := keys || key; k := cardinality(keys); END IF;
        expr := format('h%s_', k);
        relaxed := expr;
        lookup := '(' || policykb_term_tsquery(term)::text || ')';
    ELSIF kind = 't' THEN
        IF pos > cardinality(kinds) OR kinds[pos] IN ('paren_close', '|', '&') THEN
            RAISE EXCEPTION 'policykb_search: title: needs a term after it, e.g. title:算力';
        END IF;
        SELECT * INTO r FROM policykb_query_unary(kinds, vals, pos, true, depth, keys);
        pos := r.pos; keys := r.keys; expr := r.expr; relaxed := r.relaxed; lookup := r.lookup;
    ELSIF kind = 'paren_open' THEN
        IF pos <= cardinality(kinds) AND kinds[pos] = 'paren_close' THEN
            RAISE EXCEPTION 'policykb_search: () holds nothing to search for';
        END IF;
        SELECT * INTO r FROM policykb_query_or(kinds, vals, pos, title, depth, keys);
        pos := r.pos; keys := r.keys; expr := r.expr; relaxed := r.relaxed; lookup := r.lookup;
        IF pos > cardinality(kinds) OR kinds[pos] <> 'paren_close' THEN
            RAISE EXCEPTION 'policykb_search: unbalanced parenthesis';
        END IF;
        pos := pos + 1;
    ELSIF kind = 'paren_close' THEN
        RAISE EXCEPTION 'policykb_search: unbalanced parenthesis';
    ELSE
        RAISE EXCEPTION 'policykb_search: query needs a term on both sides';
    END IF;
END
$unary$;

CREATE FUNCTION policykb_query_and(kinds text[], vals text[], INOUT pos integer, title boolean, depth integer,
                                   INOUT keys text[], OUT expr text, OUT relaxed text, OUT lookup text)
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $and$
DECLARE
    n integer := cardinality(kinds);
    positives text[] := '{}';
    relaxeds text[] := '{}';
    lookups text[] := '{}';
    negatives text[] := '{}';
    op text;
    r record;
BEGIN
    WHILE pos <= n LOOP
        EXIT WHEN kinds[pos] IN ('|', 'paren_close');
        IF kinds[pos] = '&' THEN
            pos := pos + 1;
            IF (cardinality(positives) = 0 AND cardinality(negatives) = 0) OR pos > n
               OR kinds[pos] IN ('|', 'paren_close', '&') THEN
                RAISE EXCEPTION 'policykb_search: AND needs a term on both sides';
            END IF;
        ELSIF kinds[pos] IN ('!', '-') THEN
            op := CASE kinds[pos] WHEN '!' THEN 'NOT' ELSE '-' END;
            pos := pos + 1;
            IF pos > n OR kinds[pos] IN ('|', 'paren_close', '&', '!') THEN
                RAISE EXCEPTION 'policykb_search: % needs a term on both sides', op;
            END IF;
            IF op = 'NOT' AND cardinality(positives) = 0 AND cardinality(negatives) = 0 THEN
                RAISE EXCEPTION 'policykb_search: NOT needs a term on both sides';
            END IF;
            SELECT * INTO r FROM policykb_query_unary(kinds, vals, pos, title, depth, keys);
            pos := r.pos; keys := r.keys;
            IF NOT r.expr = ANY (negatives) THEN negatives := negatives || r.expr; END IF;
        ELSE
            SELECT * INTO r FROM policykb_query_unary(kinds, vals, pos, title, depth, keys);
            pos := r.pos; keys := r.keys;
            IF NOT r.expr = ANY (positives) THEN
                positives := positives || r.expr; relaxeds := relaxeds || r.relaxed; lookups := lookups || r.lookup;
            END IF;
        END IF;
    END LOOP;
    IF cardinality(positives) = 0 THEN
        IF cardinality(negatives) = 0 THEN
            IF pos <= n AND kinds[pos] = '|' THEN RAISE EXCEPTION 'policykb_search: OR needs a term on both sides'; END IF;
            IF pos <= n AND kinds[pos] = 'paren_close' THEN RAISE EXCEPTION 'policykb_search: unbalanced parenthesis'; END IF;
            RAISE EXCEPTION 'policykb_search: empty query';
        END IF;
        RAISE EXCEPTION 'policykb_search: a query needs at least one term to find, not only terms to exclude';
    END IF;
    expr := CASE WHEN cardinality(positives) = 1 THEN positives[1] ELSE '(' || array_to_string(positives, ' AND ') || ')' END;
    relaxed := CASE WHEN cardinality(relaxeds) = 1 THEN relaxeds[1] ELSE '(' || array_to_string(relaxeds, ' AND ') || ')' END;
    lookup := CASE WHEN cardinality(lookups) = 1 THEN lookups[1] ELSE '(' || array_to_string(lookups, ' & ') || ')' END;
    IF cardinality(negatives) > 0 THEN
        expr := '(' || expr || ' AND NOT (' || array_to_string(negatives, ' OR ') || '))';
    END IF;
END
$and$;

CREATE FUNCTION policykb_query_or(kinds text[], vals text[], INOUT pos integer, title boolean, depth integer,
                                  INOUT keys text[], OUT expr text, OUT relaxed text, OUT lookup text)
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $or$
DECLARE
    n integer := cardinality(kinds);
    parts text[] := '{}';
    relaxeds text[] := '{}';
    lookups text[] := '{}';
    r record;
BEGIN
    LOOP
        SELECT * INTO r FROM policykb_query_and(kinds, vals, pos, title, depth, keys);
        pos := r.pos; keys := r.keys;
        IF NOT r.expr = ANY (parts) THEN
            parts := parts || r.expr; relaxeds := relaxeds || r.relaxed; lookups := lookups || r.lookup;
        END IF;
        EXIT WHEN pos > n OR kinds[pos] <> '|';
        pos := pos + 1;
        IF pos > n OR kinds[pos] IN ('paren_close', '|') THEN
            RAISE EXCEPTION 'policykb_search: OR needs a term on both sides';
        END IF;
    END LOOP;
    expr := CASE WHEN cardinality(parts) = 1 THEN parts[1] ELSE '(' || array_to_string(parts, ' OR ') || ')' END;
    relaxed := CASE WHEN cardinality(relaxeds) = 1 THEN relaxeds[1] ELSE '(' || array_to_string(relaxeds, ' OR ') || ')' END;
    lookup := CASE WHEN cardinality(lookups) = 1 THEN lookups[1] ELSE '(' || array_to_string(lookups, ' | ') || ')' END;
END
$or$;

-- A whole query: its terms (title_only, the folded term), the condition
-- (expr, over h<n>_), and how many times each term stands in the query
-- outside exclusions (BM25 sums over the query's phrases, as FTS5 does;
-- a term only excluded scores nothing).
CREATE FUNCTION policykb_query_compile(query text, OUT terms text[], OUT title_only boolean[], OUT weights integer[],
                                       OUT expr text)
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $compile$
DECLARE
    lexed record;
    r record;
    n integer;
BEGIN
    SELECT * INTO lexed FROM policykb_query_lex(query);
    n := cardinality(lexed.kinds);
    IF n = 0 THEN RAISE EXCEPTION 'policykb_search: empty query'; END IF;
    IF (SELECT count(*) FROM unnest(lexed.kinds) k WHERE k IN ('w', 'q')) > 64 THEN
        RAISE EXCEPTION 'policykb_search: the query has % terms; at most 64 are searched',
            (SELECT count(*) FROM unnest(lexed.kinds) k WHERE k IN ('w', 'q'));
    END IF;
    SELECT * INTO r FROM policykb_query_or(lexed.kinds, lexed.vals, 1, false, 0, '{}'::text[]);
    IF r.pos <= n THEN
        IF lexed.kinds[r.pos] = 'paren_close' THEN RAISE EXCEPTION 'policykb_search: unbalanced parenthesis'; END IF;
        RAISE EXCEPTION 'policykb_search: query needs a term on both sides';
    END IF;
    expr := r.expr;
    SELECT array_agg(policykb_query_term(substr(k, 2)) ORDER BY i), array_agg(left(k, 1) = 't' ORDER BY i),
           array_agg((char_length(r.relaxed) - char_length(replace(r.relaxed, format('h%s_', i), '')))
                     / char_length(format('h%s_', i)) ORDER BY i)
    INTO terms, title_only, weights
    FROM unnest(r.keys) WITH ORDINALITY AS t(k, i);
END
$compile$;

-- SQL counting the occurrences of a folded term in the text column `col`:
-- whole words by their pattern, a term that can overlap itself by a
-- lookahead, any other by the bytes replace() removes.
CREATE FUNCTION policykb_count_sql(col text, term text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $count$
DECLARE
    pattern text := policykb_term_pattern(term);
BEGIN
    IF pattern LIKE '(?%' OR pattern LIKE '%)' THEN
        RETURN format('regexp_count(%s, %L)', col, pattern);
    END IF;
    FOR k IN 1..char_length(term) - 1 LOOP
        IF left(term, k) = right(term, k) THEN
            RETURN format('regexp_count(%s, %L)', col, '(?=' || pattern || ')');
        END IF;
    END LOOP;
    RETURN format('((octet_length(%1$s) - octet_length(replace(%1$s, %2$L, ''''))) / %3$s)', col, term, octet_length(term));
END
$count$;

CREATE FUNCTION policykb_present_sql(col text, term text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
SELECT CASE WHEN policykb_term_pattern(term) LIKE '(?%' OR policykb_term_pattern(term) LIKE '%)'
            THEN format('(%s ~ %L)', col, policykb_term_pattern(term))
            ELSE format('(strpos(%s, %L) > 0)', col, term) END
$$;

-- enable_seqscan off: for a term in most rows the planner prefers a scan of
-- the table, which tests `search_terms @@` on every row and so reads every
-- row's tsvector from TOAST (two thirds of the time at 100,000 articles);
-- the GIN index's bitmap needs no tsvector at all.
CREATE FUNCTION policykb_search(query text, max integer DEFAULT 20)
RETURNS TABLE (article_id bigint, score double precision, snippet text)
LANGUAGE plpgsql STABLE PARALLEL SAFE SET enable_seqscan = off AS $search$
DECLARE
    q record;
    documents bigint;
    average_length double precision;
    union_lookup text;
    present text := '';
    counted text := '';
    frequencies text := '';
    scored text := '';
    flags text := '';
BEGIN
    SELECT * INTO q FROM policykb_query_compile(query);
    SELECT coalesce(sum(article_count), 0), coalesce(sum(token_count)::double precision / nullif(sum(article_count), 0), 1)
    INTO documents, average_length FROM issues;
    FOR k IN 1..cardinality(q.terms) LOOP
        present := present || format(', %s%s AS h%s_', policykb_present_sql('x.t', q.terms[k]),
                                     CASE WHEN q.title_only[k] THEN '' ELSE ' OR ' || policykb_present_sql('x.b', q.terms[k]) END, k);
        flags := flags || format(', y.h%s_', k);
        CONTINUE WHEN q.weights[k] = 0;
        union_lookup := coalesce(union_lookup || ' | ', '') || '(' || policykb_term_tsquery(q.terms[k])::text || ')';
        counted := counted || format(', CASE WHEN y.h%1$s_ AND %4$s THEN 5 * %2$s%3$s ELSE 0 END AS f%1$s', k,
                                     policykb_count_sql('y.t', q.terms[k]),
                                     CASE WHEN q.title_only[k] THEN '' ELSE ' + ' || policykb_count_sql('y.b', q.terms[k]) END,
                                     regexp_replace(q.expr, 'h([0-9]+)_', 'y.h\1_', 'g'));
        frequencies := frequencies || format(', count(*) FILTER (WHERE z.h%1$s_) OVER () AS n%1$s', k);
        scored := scored || format(
            ' + %2$s::float8 * ln(1::float8 + (%3$s::float8 - w.n%1$s + 0.5::float8) / (w.n%1$s + 0.5::float8)) * (w.f%1$s * 2.2::float8) / (w.f%1$s + 1.2::float8 * (0.25::float8 + 0.75::float8 * w.len / %4$s::float8))',
            k, q.weights[k], documents, average_length);
    END LOOP;
    RETURN QUERY EXECUTE format($sql$
        WITH best AS (
            SELECT w.id, w.sort_date, 0::float8 %1$s AS score
            FROM (
                SELECT z.* %2$s
                FROM (
                    SELECT y.id, y.sort_date, y.len %6$s %3$s, %4$s AS matched
                    FROM (
                        SELECT x.id, x.sort_date, x.len, x.t, x.b %5$s
                        FROM (
                            SELECT a.id, a.sort_date, (a.title_tokens + a.body_tokens)::double precision AS len,
                                   a.search_title || '' AS t, a.search_body || '' AS b
                            FROM articles a WHERE a.search_terms @@ $1 OFFSET 0
                        ) x OFFSET 0
                    ) y OFFSET 0
                ) z
            ) w
            WHERE w.matched
            ORDER BY score DESC, w.sort_date DESC, w.id
            LIMIT greatest($2, 0)
        )
        SELECT b.id, b.score,
               (SELECT CASE WHEN p.at > 0 THEN
                            CASE WHEN p.at > 31 THEN '…' ELSE '' END || substr(a.search_body, greatest(1, p.at - 30), 100)
                            || CASE WHEN char_length(a.search_body) > p.at + 69 THEN '…' ELSE '' END
                        ELSE a.search_title END
                FROM articles a,
                     LATERAL (SELECT coalesce(min(nullif(strpos(a.search_body, t.term), 0)), 0) AS at
                              FROM unnest($3, $4) AS t(term, weight) WHERE t.weight > 0) p
                WHERE a.id = b.id)
        FROM best b
        ORDER BY b.score DESC, b.sort_date DESC, b.id
        $sql$, scored, frequencies, counted, regexp_replace(q.expr, 'h([0-9]+)_', 'y.h\1_', 'g'), present, flags)
    USING union_lookup::tsquery, max, q.terms, q.weights;
END
$search$;
COMMENT ON FUNCTION policykb_search(text, integer) IS 'Searches articles as policykb search does (the same query language: words, "phrases", OR, AND, NOT, -, title:, parentheses; every CJK substring, both scripts, Latin words whole; BM25 with titles worth 5): article ids, scores (higher is better) and a snippet of the folded body.';
