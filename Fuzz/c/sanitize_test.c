/*
 * The C code of policykb (tokenizer, folding, ranking functions, script-fold
 * table) under AddressSanitizer and UndefinedBehaviorSanitizer, checking
 * values, not only the absence of a crash. Built and run by
 * Scripts/sanitize-c.sh; exits non-zero on the first sanitizer report (the
 * build uses -fno-sanitize-recover=all) and after any failed check.
 *
 * Every fold-table entry is folded as four repeated characters: 795
 * traditional characters of the BMP (3 bytes) fold to simplified ones
 * outside it (4 bytes, e.g. 韚 U+97DA -> U+2B805), so folding can lengthen
 * UTF-8; a buffer of bytes+1 overflows, which ASan reports here.
 */
#include "policykb_fts5.h"
#include "policykb_script_fold.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;
static int checks = 0;

#define CHECK(cond, ...)                                                         \
    do {                                                                         \
        checks++;                                                                \
        if (!(cond)) {                                                           \
            failures++;                                                          \
            fprintf(stderr, "FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond);      \
            fprintf(stderr, __VA_ARGS__);                                        \
            fprintf(stderr, "\n");                                               \
        }                                                                        \
    } while (0)

static int utf8(uint32_t c, char *out) {
    if (c < 0x80) { out[0] = (char)c; return 1; }
    if (c < 0x800) { out[0] = (char)(0xC0 | (c >> 6)); out[1] = (char)(0x80 | (c & 0x3F)); return 2; }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12)); out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18)); out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F)); out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* MARK: the script-fold table, entry by entry */

static void test_fold_table(void) {
    unsigned long count = policykb_script_fold_count();
    CHECK(count > 4000, "only %lu pairs", count);
    unsigned long grows = 0;
    uint32_t previous = 0;
    /* Every traditional character once, concatenated, and its fold. */
    char *all = malloc(count * 4 + 1), *all_expected = malloc(count * 4 + 1);
    size_t all_bytes = 0, all_expected_bytes = 0;
    for (unsigned long i = 0; i < count; i++) {
        uint32_t t = 0, s = 0;
        policykb_script_fold_pair(i, &t, &s);
        CHECK(t > previous, "pair %lu: not sorted (U+%04X after U+%04X)", i, t, previous);
        previous = t;
        CHECK(policykb_fold_script(t) == s, "policykb_fold_script(U+%04X) = U+%04X, want U+%04X", t,
              policykb_fold_script(t), s);
        char one_t[4], one_s[4];
        int tn = utf8(t, one_t), sn = utf8(s, one_s);
        if (sn > tn) grows++;
        char input[16], expected[16];
        for (int k = 0; k < 4; k++) {
            memcpy(input + k * tn, one_t, (size_t)tn);
            memcpy(expected + k * sn, one_s, (size_t)sn);
        }
        memcpy(all + all_bytes, one_t, (size_t)tn);
        all_bytes += (size_t)tn;
        memcpy(all_expected + all_expected_bytes, one_s, (size_t)sn);
        all_expected_bytes += (size_t)sn;

        int out_bytes = -1;
        int *origins = NULL;
        char *out = policykb_fold_with(input, 4 * tn, 0, &out_bytes, &origins);
        CHECK(out != NULL, "U+%04X: NULL", t);
        if (!out) continue;
        CHECK(out_bytes == 4 * sn && memcmp(out, expected, (size_t)(4 * sn)) == 0,
              "fold of 4 x U+%04X: %d bytes, want 4 x U+%04X (%d bytes)", t, out_bytes, s, 4 * sn);
        CHECK(out[out_bytes] == 0, "U+%04X: not NUL-terminated", t);
        CHECK((size_t)out_bytes <= policykb_fold_capacity(4 * tn) - 1,
              "U+%04X: %d bytes out of capacity %zu", t, out_bytes, policykb_fold_capacity(4 * tn));
        for (int b = 0; b < out_bytes && b < 4 * sn; b++) {
            CHECK(origins[b] == (b / sn) * tn, "U+%04X: origin of byte %d is %d, want %d", t, b, origins[b],
                  (b / sn) * tn);
        }
        CHECK(origins[out_bytes] == 4 * tn, "U+%04X: end origin %d", t, origins[out_bytes]);
        policykb_free(out);
        policykb_free(origins);

        /* Keeping the script: the text as it is. */
        out = policykb_fold_with(input, 4 * tn, POLICYKB_FOLD_KEEP_SCRIPT, &out_bytes, NULL);
        CHECK(out && out_bytes == 4 * tn && memcmp(out, input, (size_t)(4 * tn)) == 0,
              "keep-script fold of U+%04X changed it", t);
        policykb_free(out);
    }
    /* 795 at the time of writing: the BMP characters whose simplified form is not. */
    CHECK(grows >= 700, "only %lu characters grow when folded", grows);
    printf("fold table: %lu pairs, %lu fold from 3 to 4 bytes\n", count, grows);

    int out_bytes = -1;
    char *out = policykb_fold((const char *)all, (int)all_bytes, &out_bytes, NULL);
    CHECK(out && (size_t)out_bytes == all_expected_bytes && memcmp(out, all_expected, all_expected_bytes) == 0,
          "fold of the whole table: %d bytes, want %zu", out_bytes, all_expected_bytes);
    CHECK((size_t)out_bytes <= policykb_fold_capacity((int)all_bytes) - 1, "whole table over capacity");
    policykb_free(out);
    free(all);
    free(all_expected);

    /* The example of the issue, spelled out. */
    out = policykb_fold("\xE9\x9F\x9A\xE9\x9F\x9A\xE9\x9F\x9A\xE9\x9F\x9A", 12, &out_bytes, NULL);
    CHECK(out && out_bytes == 16 && memcmp(out, "\xF0\xAB\xA0\x85\xF0\xAB\xA0\x85\xF0\xAB\xA0\x85\xF0\xAB\xA0\x85", 16) == 0,
          "韚韚韚韚 should fold to 4 x U+2B805");
    policykb_free(out);
}

/* MARK: folding */

static void check_fold(const char *input, const char *expected) {
    int out_bytes = -1;
    char *out = policykb_fold(input, (int)strlen(input), &out_bytes, NULL);
    CHECK(out && strcmp(out, expected) == 0 && out_bytes == (int)strlen(expected), "fold(\"%s\") = \"%s\", want \"%s\"",
          input, out ? out : "(null)", expected);
    policykb_free(out);
}

static void test_fold(void) {
    check_fold("北京 召开 A  B ＡＢＣ", "北京召开a  b abc");
    check_fold("到 2026 年", "到2026年");
    check_fold("党的二十\n\n大", "党的二十大");
    check_fold("數據要素", "数据要素");
    check_fold("", "");
    check_fold("\xFF\xC3", ""); /* undecodable bytes stay out */

    int out_bytes = -1;
    int *origins = NULL;
    char *out = policykb_fold("Ａb", 4, &out_bytes, &origins);
    CHECK(out && out_bytes == 2 && origins[0] == 0 && origins[1] == 3 && origins[2] == 4,
          "origins of \"Ａb\": %d %d %d", origins ? origins[0] : -1, origins ? origins[1] : -1, origins ? origins[2] : -1);
    policykb_free(out);
    policykb_free(origins);

    out = policykb_fold_with("數據", 6, POLICYKB_FOLD_KEEP_SCRIPT, &out_bytes, NULL);
    CHECK(out && strcmp(out, "數據") == 0, "keep-script changed 數據");
    policykb_free(out);

    /* A negative length is an empty text. */
    out = policykb_fold_with("abc", -5, 0, &out_bytes, NULL);
    CHECK(out && out_bytes == 0 && out[0] == 0, "negative length: %d bytes", out_bytes);
    policykb_free(out);

    CHECK(policykb_fold_capacity(0) >= 1, "capacity of nothing");
    CHECK(policykb_fold_capacity(3) >= 4 + 1, "capacity of one character");
}

/* MARK: tokens */

typedef struct {
    char text[4096];
    size_t length;
    int count;
} token_sink;

static int collect_token(void *context, int flags, const char *token, int bytes, int start, int end) {
    (void)flags;
    token_sink *sink = context;
    int n = snprintf(sink->text + sink->length, sizeof(sink->text) - sink->length, "%s%.*s@%d-%d",
                     sink->count ? " " : "", bytes, token, start, end);
    if (n > 0 && (size_t)n < sizeof(sink->text) - sink->length) sink->length += (size_t)n;
    sink->count++;
    return 0;
}

static void check_tokens(const char *input, int query, const char *expected) {
    token_sink sink = {{0}, 0, 0};
    int rc = policykb_tokenize(input, (int)strlen(input), query, &sink, collect_token);
    CHECK(rc == 0 && strcmp(sink.text, expected) == 0, "%s tokens of \"%s\": [%s], want [%s]",
          query ? "query" : "document", input, sink.text, expected);
}

static int stop_after_one(void *context, int flags, const char *token, int bytes, int start, int end) {
    (void)flags; (void)token; (void)bytes; (void)start; (void)end;
    ++*(int *)context;
    return 42;
}

static void test_tokens(void) {
    check_tokens("算力券", 0, "算力@0-6 力券@3-9 券@6-9");
    check_tokens("算力券", 1, "算力@0-6 力券@3-9");
    check_tokens("券", 1, "券@0-3");
    check_tokens("算力AI", 1, "算力@0-6 力@3-6 ai@6-8");
    check_tokens("北京 召开", 1, "北京@0-6 京召@3-10 召开@7-13");
    check_tokens("北京\n\n召", 0, "北京@0-6 京召@3-11 召@8-11");
    check_tokens("数据，据说", 0, "数据@0-6 据@3-6 据说@9-15 说@12-15");
    check_tokens("数据，据说", 1, "数据@0-6 据@3-6 据说@9-15");
    check_tokens("DeepSeek大模型", 1, "deepseek@0-8 大模@8-14 模型@11-17");
    check_tokens("ＡＩ芯片", 1, "ai@0-6 芯片@6-12");
    check_tokens("COVID-19 5G", 1, "covid@0-5 |@5-6 19@6-8 5g@9-11");
    check_tokens("5G、家", 0, "5g@0-2 |@2-5 家@5-8");
    check_tokens("5G 家", 0, "5g@0-2 家@3-6");
    check_tokens("AI, ML", 0, "ai@0-2 |@2-3 ml@4-6");
    check_tokens("AI ML", 0, "ai@0-2 ml@3-5");
    check_tokens("力爭", 1, "力争@0-6");
    check_tokens("億元", 0, "亿元@0-6 元@3-6");
    /* A traditional character that folds outside the BMP: an 8-byte bigram. */
    check_tokens("韚韚", 0, "\xF0\xAB\xA0\x85\xF0\xAB\xA0\x85@0-6 \xF0\xAB\xA0\x85@3-6");
    check_tokens("", 0, "");

    /* Invalid UTF-8 is skipped, not fatal. */
    const char invalid[] = "数\xFF\xC3据";
    token_sink sink = {{0}, 0, 0};
    CHECK(policykb_tokenize(invalid, (int)sizeof(invalid) - 1, 1, &sink, collect_token) == 0, "invalid UTF-8");
    CHECK(strcmp(sink.text, "数@0-3 据@5-8") == 0, "invalid UTF-8 tokens: [%s]", sink.text);

    /* A callback's non-zero result stops the tokenizer and is returned. */
    int calls = 0;
    CHECK(policykb_tokenize("数据要素 AI", 15, 0, &calls, stop_after_one) == 42 && calls == 1, "stop: %d calls", calls);

    /* A word longer than the token buffer is cut, not overflowed. */
    char long_word[2000];
    memset(long_word, 'a', sizeof(long_word) - 1);
    long_word[sizeof(long_word) - 1] = 0;
    sink = (token_sink){{0}, 0, 0};
    CHECK(policykb_tokenize(long_word, (int)strlen(long_word), 0, &sink, collect_token) == 0 && sink.count == 1,
          "long word: %d tokens", sink.count);
    CHECK(strstr(sink.text, "@0-1999") != NULL, "long word offsets: %.40s", sink.text + sink.length - 20);
}

/* MARK: SQLite: the tokenizer, policykb_rank, policykb_explain, policykb_collect */

static sqlite3 *db;

static void exec(const char *sql) {
    char *error = NULL;
    int rc = sqlite3_exec(db, sql, NULL, NULL, &error);
    CHECK(rc == SQLITE_OK, "%s: %s", sql, error ? error : "?");
    sqlite3_free(error);
}

/* The rowids a MATCH gives, as "1 2 3". */
static void check_match(const char *query, const char *expected) {
    sqlite3_stmt *stmt = NULL;
    char got[512] = "";
    size_t length = 0;
    int rc = sqlite3_prepare_v2(db, "SELECT rowid FROM f WHERE f MATCH ? ORDER BY rowid", -1, &stmt, NULL);
    sqlite3_bind_text(stmt, 1, query, -1, SQLITE_TRANSIENT);
    while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        length += (size_t)snprintf(got + length, sizeof(got) - length, "%s%lld", length ? " " : "",
                                   sqlite3_column_int64(stmt, 0));
        rc = SQLITE_OK;
    }
    CHECK(rc == SQLITE_DONE && strcmp(got, expected) == 0, "MATCH %s: [%s] (rc %d), want [%s]", query, got, rc, expected);
    sqlite3_finalize(stmt);
}

static char *text_of(const char *sql) {
    sqlite3_stmt *stmt = NULL;
    char *result = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW) {
        const unsigned char *text = sqlite3_column_text(stmt, 0);
        if (text) result = strdup((const char *)text);
    }
    sqlite3_finalize(stmt);
    return result;
}

static double close_enough(double a, double b) {
    double scale = (a < 0 ? -a : a) + (b < 0 ? -b : b);
    double d = a - b;
    return (d < 0 ? -d : d) <= 1e-9 * (scale > 1 ? scale : 1);
}

/* The number after the last `"key": ` in a JSON text. */
static double json_last_number(const char *json, const char *key) {
    char pattern[64];
    snprintf(pattern, sizeof(pattern), "\"%s\": ", key);
    const char *found = NULL;
    for (const char *p = json; (p = strstr(p, pattern)) != NULL; p++) found = p;
    return found ? strtod(found + strlen(pattern), NULL) : -1e300;
}

static void test_sqlite(void) {
    CHECK(sqlite3_auto_extension((void (*)(void))policykb_fts5_entry_point()) == SQLITE_OK, "auto extension");
    CHECK(sqlite3_open(":memory:", &db) == SQLITE_OK, "open");

    exec("CREATE VIRTUAL TABLE f USING fts5(x, tokenize = 'policykb')");
    exec("INSERT INTO f VALUES ('国家数据局在北京 召开座谈会'), ('数据，据说要素'), ('数转券'), ('券商'), ('數據要素市場')");
    check_match("\"北京召开\"", "1");
    check_match("\"数据要素\"", "5");
    check_match("\"數據\"", "1 2 5");
    check_match("\"据说\"", "2");
    check_match("\"券\" *", "3 4");
    check_match("\"数据\"", "1 2 5");
    check_match("\"数据\" NOT \"要素\"", "1");
    check_match("\"券商\" OR \"座谈\"", "1 4");
    char *marked = text_of("SELECT highlight(f, 0, '[', ']') FROM f WHERE f MATCH '\"北京召开\"'");
    CHECK(marked && strcmp(marked, "国家数据局在[北京 召开]座谈会") == 0, "highlight: %s", marked ? marked : "(null)");
    free(marked);
    char *folded = text_of("SELECT policykb_fold('Ａ 北 京')");
    CHECK(folded && strcmp(folded, "a北京") == 0, "policykb_fold(): %s", folded ? folded : "(null)");
    free(folded);
    folded = text_of("SELECT policykb_fold('韚韚韚韚韚韚')");
    CHECK(folded && strlen(folded) == 24, "policykb_fold() of 6 x 韚: %zu bytes", folded ? strlen(folded) : 0);
    free(folded);
    /* The tokenizer takes no options. */
    CHECK(sqlite3_exec(db, "CREATE VIRTUAL TABLE bad USING fts5(x, tokenize = 'policykb extra')", NULL, NULL, NULL) != SQLITE_OK,
          "a tokenizer option should be refused");

    /* A ranking corpus: 200 rows of title and body from a few words, fixed. */
    exec("CREATE VIRTUAL TABLE r USING fts5(title, body, tokenize = 'policykb')");
    static const char *words[] = {"数据", "算力", "要素", "深圳", "北京", "券", "AI", "智能", "产业", "规划"};
    uint64_t seed = 7;
#define NEXT(bound) (seed = seed * 6364136223846793005ULL + 1442695040888963407ULL, (int)((seed >> 33) % (uint64_t)(bound)))
    sqlite3_stmt *insert = NULL;
    sqlite3_prepare_v2(db, "INSERT INTO r (title, body) VALUES (?, ?)", -1, &insert, NULL);
    for (int row = 0; row < 200; row++) {
        char title[128] = "", body[2048] = "";
        int n = 1 + NEXT(4);
        for (int k = 0; k < n; k++) strcat(title, words[NEXT(10)]);
        n = 5 + NEXT(60);
        const char *separator = NEXT(3) == 0 ? "，" : "";
        for (int k = 0; k < n; k++) {
            if (k) strcat(body, separator);
            strcat(body, words[NEXT(10)]);
        }
        sqlite3_bind_text(insert, 1, title, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 2, body, -1, SQLITE_TRANSIENT);
        CHECK(sqlite3_step(insert) == SQLITE_DONE, "insert");
        sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);

    static const char *queries[] = {"\"数据\"", "\"算力\" \"深圳\"", "\"券\" *", "title : \"北京\" OR \"要素\"",
                                    "ai NOT \"规划\"", "title : \"智能\"", "\"数据要素\"", "\"深圳\" OR \"北京\" OR \"产业\""};
    const int nqueries = (int)(sizeof(queries) / sizeof(queries[0]));

    /* policykb_rank = bm25 with Lucene's IDF for one phrase; policykb_explain's score is its negation. */
    sqlite3_stmt *stmt = NULL;
    sqlite3_prepare_v2(db, "SELECT bm25(r, 5.0, 1.0), policykb_rank(r, 'r', 5.0, 1.0), policykb_rank(r, 'no_such', 5.0, 1.0), "
                           "policykb_explain(r, 'r', 5.0, 1.0), (SELECT count(*) FROM r), "
                           "(SELECT count(*) FROM r WHERE r MATCH ?1) FROM r WHERE r MATCH ?1", -1, &stmt, NULL);
    int ranked_rows = 0;
    for (int q = 0; q < nqueries; q++) {
        sqlite3_bind_text(stmt, 1, queries[q], -1, SQLITE_TRANSIENT);
        int rows_for_query = 0;
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            rows_for_query++;
            double bm25 = sqlite3_column_double(stmt, 0), rank = sqlite3_column_double(stmt, 1);
            double fallback = sqlite3_column_double(stmt, 2);
            const char *explain = (const char *)sqlite3_column_text(stmt, 3);
            double n = sqlite3_column_double(stmt, 4), hits = sqlite3_column_double(stmt, 5);
            CHECK(rank < 0, "%s: rank %g not negative", queries[q], rank);
            CHECK(close_enough(rank, fallback), "%s: blob rank %.17g, xColumnSize rank %.17g", queries[q], rank, fallback);
            CHECK(explain && close_enough(json_last_number(explain, "score"), -rank), "%s: explain %s, rank %g", queries[q],
                  explain ? explain : "(null)", rank);
            if (q == 0 || q == 6) { /* one phrase: the ratio of the IDFs alone */
                double lucene = __builtin_log(1 + (n - hits + 0.5) / (hits + 0.5));
                double fts5 = __builtin_log((n - hits + 0.5) / (hits + 0.5));
                if (fts5 < 1e-6) fts5 = 1e-6;
                CHECK(close_enough(rank, bm25 / fts5 * lucene), "%s: rank %.17g, bm25 %.17g", queries[q], rank, bm25);
            }
        }
        CHECK(rc == SQLITE_DONE, "%s: rc %d %s", queries[q], rc, sqlite3_errmsg(db));
        CHECK(rows_for_query > 0, "%s: no rows", queries[q]);
        ranked_rows += rows_for_query;
        sqlite3_reset(stmt);
    }
    sqlite3_finalize(stmt);
    printf("ranking: %d rows scored over %d queries\n", ranked_rows, nqueries);

    /* policykb_collect keeps the rows and ranks ORDER BY rank gives. */
    exec("INSERT INTO r(r, rank) VALUES ('rank', 'policykb_rank(''r'', 5.0, 1.0)')");
    sqlite3_stmt *collect = NULL, *expected = NULL;
    sqlite3_prepare_v2(db, "SELECT count(*) FROM r WHERE r MATCH ?1 AND policykb_collect(r, ?2, 'r', 5.0, 1.0)", -1, &collect, NULL);
    sqlite3_prepare_v2(db, "SELECT rowid, rank FROM r WHERE r MATCH ? ORDER BY rank, rowid LIMIT ?", -1, &expected, NULL);
    long long pruned = 0;
    static const int capacities[] = {0, 1, 5, 20, 500};
    for (int q = 0; q < nqueries; q++) {
        for (int c = 0; c < 5; c++) {
            policykb_topk *top = policykb_topk_create(capacities[c]);
            CHECK(top != NULL, "topk");
            sqlite3_bind_text(collect, 1, queries[q], -1, SQLITE_TRANSIENT);
            sqlite3_bind_pointer(collect, 2, top, policykb_topk_pointer_type(), NULL);
            CHECK(sqlite3_step(collect) == SQLITE_ROW, "%s: collect: %s", queries[q], sqlite3_errmsg(db));
            long long matches = sqlite3_column_int64(collect, 0);
            sqlite3_reset(collect);
            int count = policykb_topk_count(top);
            CHECK(count <= capacities[c] && count <= matches, "%s: %d kept of capacity %d", queries[q], count, capacities[c]);
            long long rowids[500];
            double ranks[500];
            policykb_topk_sorted(top, rowids, ranks);
            sqlite3_bind_text(expected, 1, queries[q], -1, SQLITE_TRANSIENT);
            sqlite3_bind_int(expected, 2, capacities[c]);
            int i = 0;
            while (sqlite3_step(expected) == SQLITE_ROW) {
                CHECK(i < count && rowids[i] == sqlite3_column_int64(expected, 0) && ranks[i] == sqlite3_column_double(expected, 1),
                      "%s capacity %d row %d: rowid %lld rank %.17g, want %lld %.17g", queries[q], capacities[c], i,
                      i < count ? rowids[i] : -1, i < count ? ranks[i] : 0, sqlite3_column_int64(expected, 0),
                      sqlite3_column_double(expected, 1));
                i++;
            }
            sqlite3_reset(expected);
            CHECK(i == count, "%s capacity %d: %d kept, ORDER BY gives %d", queries[q], capacities[c], count, i);
            pruned += policykb_topk_pruned(top);
            /* Reset and reuse: the same result again. */
            policykb_topk_reset(top);
            CHECK(policykb_topk_count(top) == 0, "reset");
            policykb_topk_destroy(top);
        }
    }
    CHECK(pruned > 0, "no row was pruned");
    sqlite3_finalize(collect);
    sqlite3_finalize(expected);

    /* Without a collector: an error, not a crash. */
    char *error = NULL;
    int rc = sqlite3_exec(db, "SELECT count(*) FROM r WHERE r MATCH '数据' AND policykb_collect(r, NULL, 'r')", NULL, NULL, &error);
    CHECK(rc != SQLITE_OK && error && strstr(error, "policykb_topk pointer"), "collect without a pointer: %s", error ? error : "ok");
    sqlite3_free(error);
    /* policykb_rank with no arguments at all (xColumnSize only). */
    char *value = text_of("SELECT policykb_rank(r) FROM r WHERE r MATCH '\"算力\"' LIMIT 1");
    CHECK(value && strtod(value, NULL) < 0, "policykb_rank(r): %s", value ? value : "(null)");
    free(value);

    sqlite3_close(db);
    sqlite3_reset_auto_extension();
}

int main(void) {
    test_fold_table();
    test_fold();
    test_tokens();
    test_sqlite();
    printf("%d checks, %d failures\n", checks, failures);
    return failures ? 1 : 0;
}
