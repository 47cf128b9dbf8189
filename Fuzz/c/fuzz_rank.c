/*
 * libFuzzer target: the SQLite side of the C code, in an in-memory
 * database: the policykb tokenizer inside FTS5 (insert, MATCH, highlight,
 * snippet), policykb_rank, policykb_explain, policykb_collect and the SQL
 * function policykb_fold.
 *
 * Input: QUERY \0 DOCUMENTS, the documents one a line, title and body
 * split by a tab (at most 32 documents). The query runs as FTS5 syntax
 * (errors are fine) and as one quoted phrase, with and without a prefix.
 *
 * Invariants, for every matching row: policykb_rank is the same whether the
 * length comes from the %_docsize blob or from xColumnSize (a table name
 * that does not exist); policykb_explain's score is minus the rank; ranks
 * are never positive (the weights are positive). policykb_collect counts
 * every match and keeps the rows and ranks that ORDER BY rank, rowid LIMIT
 * k gives, for several k.
 */
#include "policykb_fts5.h"

#include <math.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REQUIRE(cond, ...)                                                          \
    do {                                                                            \
        if (!(cond)) {                                                              \
            fprintf(stderr, "invariant broken at %s:%d: %s: ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__);                                           \
            fprintf(stderr, "\n");                                                  \
            abort();                                                                \
        }                                                                           \
    } while (0)

#define MAX_DOCUMENTS 32

static int close_enough(double a, double b) {
    double scale = fabs(a) + fabs(b);
    return fabs(a - b) <= 1e-9 * (scale > 1 ? scale : 1);
}

static double json_last_number(const char *json, const char *key) {
    char pattern[64];
    snprintf(pattern, sizeof(pattern), "\"%s\": ", key);
    const char *found = NULL;
    for (const char *p = json; (p = strstr(p, pattern)) != NULL; p++) found = p;
    return found ? strtod(found + strlen(pattern), NULL) : NAN;
}

static void check_query(sqlite3 *db, const char *query, int query_bytes) {
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2(db,
        "SELECT rowid, policykb_rank(r, 'r', 5.0, 1.0), policykb_rank(r, 'no_such', 5.0, 1.0), "
        "policykb_explain(r, 'r', 5.0, 1.0), rank, highlight(r, 1, '[', ']'), snippet(r, -1, '[', ']', '…', 8) "
        "FROM r WHERE r MATCH ?1 ORDER BY rank, rowid", -1, &stmt, NULL);
    REQUIRE(rc == SQLITE_OK, "prepare: %s", sqlite3_errmsg(db));
    sqlite3_bind_text(stmt, 1, query, query_bytes, SQLITE_STATIC);
    long long rowids[MAX_DOCUMENTS];
    double ranks[MAX_DOCUMENTS];
    int rows = 0;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        REQUIRE(rows < MAX_DOCUMENTS, "more rows than documents");
        double rank = sqlite3_column_double(stmt, 1), fallback = sqlite3_column_double(stmt, 2);
        const char *explain = (const char *)sqlite3_column_text(stmt, 3);
        double configured = sqlite3_column_double(stmt, 4);
        REQUIRE(rank <= 0 && !isnan(rank), "rank %.17g", rank);
        REQUIRE(close_enough(rank, fallback), "rank %.17g from the blob, %.17g from xColumnSize", rank, fallback);
        REQUIRE(rank == configured, "rank %.17g, the table's rank %.17g", rank, configured);
        REQUIRE(explain && close_enough(json_last_number(explain, "score"), -rank), "explain %s for rank %.17g",
                explain ? explain : "(null)", rank);
        rowids[rows] = sqlite3_column_int64(stmt, 0);
        ranks[rows] = rank;
        rows++;
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) return; /* a syntax error in the query, most likely */

    sqlite3_stmt *collect = NULL;
    rc = sqlite3_prepare_v2(db, "SELECT count(*) FROM r WHERE r MATCH ?1 AND policykb_collect(r, ?2, 'r', 5.0, 1.0)", -1,
                            &collect, NULL);
    REQUIRE(rc == SQLITE_OK, "prepare: %s", sqlite3_errmsg(db));
    static const int capacities[] = {0, 1, 3, MAX_DOCUMENTS};
    for (int c = 0; c < 4; c++) {
        policykb_topk *top = policykb_topk_create(capacities[c]);
        REQUIRE(top, "out of memory");
        for (int pass = 0; pass < 2; pass++) { /* the second pass after a reset */
            sqlite3_bind_text(collect, 1, query, query_bytes, SQLITE_STATIC);
            sqlite3_bind_pointer(collect, 2, top, policykb_topk_pointer_type(), NULL);
            rc = sqlite3_step(collect);
            REQUIRE(rc == SQLITE_ROW, "collect: %s", sqlite3_errmsg(db));
            REQUIRE(sqlite3_column_int64(collect, 0) == rows, "collect counted %lld, ORDER BY gave %d rows",
                    sqlite3_column_int64(collect, 0), rows);
            sqlite3_reset(collect);
            int kept = policykb_topk_count(top);
            int want = rows < capacities[c] ? rows : capacities[c];
            REQUIRE(kept == want, "kept %d, want %d", kept, want);
            long long got_rowids[MAX_DOCUMENTS];
            double got_ranks[MAX_DOCUMENTS];
            policykb_topk_sorted(top, got_rowids, got_ranks);
            for (int i = 0; i < kept; i++) {
                REQUIRE(got_rowids[i] == rowids[i] && close_enough(got_ranks[i], ranks[i]),
                        "capacity %d, row %d: rowid %lld rank %.17g, ORDER BY gives %lld %.17g", capacities[c], i,
                        got_rowids[i], got_ranks[i], rowids[i], ranks[i]);
            }
            policykb_topk_reset(top);
        }
        policykb_topk_destroy(top);
    }
    sqlite3_finalize(collect);
}

static int initialised;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > 65536) return 0;
    if (!initialised) {
        sqlite3_auto_extension((void (*)(void))policykb_fts5_entry_point());
        initialised = 1;
    }
    const char *text = (const char *)data;
    const char *nul = memchr(text, 0, size);
    size_t query_bytes = nul ? (size_t)(nul - text) : size;
    const char *documents = nul ? nul + 1 : text + size;
    size_t documents_bytes = size - (nul ? query_bytes + 1 : size);

    sqlite3 *db = NULL;
    REQUIRE(sqlite3_open(":memory:", &db) == SQLITE_OK, "open");
    REQUIRE(sqlite3_exec(db, "CREATE VIRTUAL TABLE r USING fts5(title, body, tokenize = 'policykb');"
                             "INSERT INTO r(r, rank) VALUES ('rank', 'policykb_rank(''r'', 5.0, 1.0)')",
                         NULL, NULL, NULL) == SQLITE_OK, "create: %s", sqlite3_errmsg(db));
    sqlite3_stmt *insert = NULL;
    sqlite3_prepare_v2(db, "INSERT INTO r (title, body) VALUES (?1, ?2)", -1, &insert, NULL);
    /* With no documents, the query text is the one document. */
    if (!nul) { documents = text; documents_bytes = size; }
    size_t at = 0;
    for (int d = 0; d < MAX_DOCUMENTS && at <= documents_bytes; d++) {
        const char *line = documents + at;
        const char *newline = memchr(line, '\n', documents_bytes - at);
        size_t line_bytes = newline ? (size_t)(newline - line) : documents_bytes - at;
        const char *tab = memchr(line, '\t', line_bytes);
        size_t title_bytes = tab ? (size_t)(tab - line) : 0;
        const char *body = tab ? tab + 1 : line;
        size_t body_bytes = tab ? line_bytes - title_bytes - 1 : line_bytes;
        sqlite3_bind_text(insert, 1, line, (int)title_bytes, SQLITE_STATIC);
        sqlite3_bind_text(insert, 2, body, (int)body_bytes, SQLITE_STATIC);
        REQUIRE(sqlite3_step(insert) == SQLITE_DONE, "insert: %s", sqlite3_errmsg(db));
        sqlite3_reset(insert);
        at += line_bytes + 1;
    }
    sqlite3_finalize(insert);

    /* policykb_fold over the whole input, as SQL sees it. */
    sqlite3_stmt *fold = NULL;
    sqlite3_prepare_v2(db, "SELECT length(CAST(policykb_fold(?1) AS BLOB))", -1, &fold, NULL);
    sqlite3_bind_text(fold, 1, text, (int)size, SQLITE_STATIC);
    REQUIRE(sqlite3_step(fold) == SQLITE_ROW, "policykb_fold: %s", sqlite3_errmsg(db));
    REQUIRE((size_t)sqlite3_column_int64(fold, 0) < policykb_fold_capacity((int)size), "policykb_fold: %lld bytes",
            sqlite3_column_int64(fold, 0));
    sqlite3_finalize(fold);

    if (query_bytes > 0) {
        /* As FTS5 syntax; as one phrase ("..." with quotes doubled); as a prefix phrase. */
        check_query(db, text, (int)query_bytes);
        char *phrase = malloc(2 * query_bytes + 8);
        size_t n = 0;
        phrase[n++] = '"';
        for (size_t i = 0; i < query_bytes; i++) {
            phrase[n++] = text[i];
            if (text[i] == '"') phrase[n++] = '"';
        }
        phrase[n++] = '"';
        check_query(db, phrase, (int)n);
        memcpy(phrase + n, " *", 2);
        check_query(db, phrase, (int)n + 2);
        free(phrase);
    }
    sqlite3_close(db);
    return 0;
}
