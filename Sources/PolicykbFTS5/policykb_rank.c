/*
 * policykb_rank(TABLE, W1, W2, ...): Okapi BM25 over an FTS5 table, FTS5's
 * bm25(W1, W2, ...) with an IDF that stays positive, computed with a
 * cheaper read of each document's length.
 *
 * BM25, with k1 = 1.2 and b = 0.75, for a document of D tokens where the
 * average is avgdl: the sum over the query's phrases of
 *     IDF * f * (k1 + 1) / (f + k1 * (1 - b + b * D / avgdl)),
 * f being the phrase's occurrences weighted by the weight of their column.
 * IDF = ln(1 + (N - n + 0.5) / (n + 0.5)) for N documents of which n hold
 * the phrase, as Lucene's BM25Similarity has it. FTS5's bm25() uses
 * ln((N - n + 0.5) / (n + 0.5)), which is negative for a phrase in more
 * than half the documents and which it then floors to 1e-6: every match of
 * a common word (数据 in a corpus of data policy) would score the same, and
 * neither a title match nor frequency would order them. The result is
 * negated, so that better matches sort first in ascending order, as FTS5's
 * rank does.
 *
 * The document length: FTS5's xColumnSize() runs a prepared statement on
 * the %_docsize table for every row, which costs more than the rest of the
 * score; here an incremental-blob handle on that table's "sz" column is
 * moved from row to row with sqlite3_blob_reopen(), "faster than closing
 * the existing handle and opening a new one". Whenever that cannot be done
 * (another schema, columnsize=0, a row missing) the score falls back to
 * xColumnSize(), so the result is the same either way.
 *
 * policykb_explain(TABLE, W1, W2, ...) returns, for the current row, the
 * parts of that score as JSON: per phrase its occurrences in each column,
 * the weighted frequency, the IDF and its share of the score; the
 * document's length and the average; and the score.
 */
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3

#include "policykb_fts5.h"
#include "policykb_rank.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    int phrases;
    int columns;
    double *idf;      /* per phrase */
    double *freq;     /* per phrase, for the current row */
    double *weights;  /* per column */
    double average_length;
    sqlite3_int64 rows;
    /* Set when the IDF waits for the end of the query (see pk_collect_function). */
    int idf_deferred;
    char *docsize_table;
    sqlite3_blob *docsize;
    int use_xcolumnsize;
} pk_rank_data;

static void pk_rank_free(void *pointer) {
    pk_rank_data *data = pointer;
    if (data->docsize) sqlite3_blob_close(data->docsize);
    sqlite3_free(data->docsize_table);
    sqlite3_free(data);
}

static int pk_count_callback(const Fts5ExtensionApi *api, Fts5Context *fts, void *context) {
    (void)api;
    (void)fts;
    (*(sqlite3_int64 *)context)++;
    return SQLITE_OK;
}

/* IDF = ln(1 + (N - n + 0.5) / (n + 0.5)): positive for every 0 <= n <= N,
 * and falling as n grows. */
static double pk_idf(sqlite3_int64 rows, sqlite3_int64 hits) {
    return log(1.0 + ((double)rows - (double)hits + 0.5) / ((double)hits + 0.5));
}

/* One phrase's term of the sum, in the order of operations bm25() uses. */
static double pk_phrase_score(double idf, double f, double length, double average_length) {
    const double k1 = 1.2, b = 0.75;
    return idf * ((f * (k1 + 1.0)) / (f + k1 * (1.0 - b + b * length / average_length)));
}

/* What stays the same for every row of one query: IDFs, the average length,
 * the column weights. */
static int pk_rank_data_for(const Fts5ExtensionApi *api, Fts5Context *fts, int nargs,
                            sqlite3_value **args, int defer_single_idf, pk_rank_data **out) {
    pk_rank_data *data = api->xGetAuxdata(fts, 0);
    if (data) {
        *out = data;
        return SQLITE_OK;
    }
    int phrases = api->xPhraseCount(fts);
    int columns = api->xColumnCount(fts);
    sqlite3_int64 bytes = sizeof(pk_rank_data) + sizeof(double) * (2 * (sqlite3_int64)phrases + columns);
    data = sqlite3_malloc64(bytes);
    if (!data) return SQLITE_NOMEM;
    memset(data, 0, (size_t)bytes);
    data->phrases = phrases;
    data->columns = columns;
    data->idf = (double *)&data[1];
    data->freq = data->idf + phrases;
    data->weights = data->freq + phrases;
    for (int c = 0; c < columns; c++) {
        data->weights[c] = (nargs > c + 1) ? sqlite3_value_double(args[c + 1]) : 1.0;
    }
    if (nargs > 0 && sqlite3_value_type(args[0]) == SQLITE_TEXT) {
        data->docsize_table = sqlite3_mprintf("%s_docsize", (const char *)sqlite3_value_text(args[0]));
    }
    data->use_xcolumnsize = data->docsize_table == 0;

    sqlite3_int64 rows = 0, tokens = 0;
    int rc = api->xRowCount(fts, &rows);
    if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
    if (rc == SQLITE_OK) data->average_length = rows > 0 ? (double)tokens / (double)rows : 1.0;
    data->rows = rows;
    data->idf_deferred = defer_single_idf && phrases == 1;
    if (data->idf_deferred) data->idf[0] = 1.0;
    for (int p = 0; rc == SQLITE_OK && !data->idf_deferred && p < phrases; p++) {
        sqlite3_int64 hits = 0;
        rc = api->xQueryPhrase(fts, p, &hits, pk_count_callback);
        if (rc == SQLITE_OK) data->idf[p] = pk_idf(rows, hits);
    }
    if (rc != SQLITE_OK) {
        pk_rank_free(data);
        return rc;
    }
    /* On failure xSetAuxdata itself calls the destructor. */
    rc = api->xSetAuxdata(fts, data, pk_rank_free);
    if (rc != SQLITE_OK) return rc;
    *out = data;
    return SQLITE_OK;
}

/* SQLite's variable-length integer: big-endian groups of 7 bits, the high
 * bit set on all but the last byte, a ninth byte of 8 bits. Returns the
 * bytes read, 0 when the buffer ends first. */
static int pk_get_varint(const unsigned char *p, int available, sqlite3_uint64 *value) {
    sqlite3_uint64 v = 0;
    for (int i = 0; i < 9 && i < available; i++) {
        if (i == 8) {
            *value = (v << 8) | p[i];
            return 9;
        }
        v = (v << 7) | (p[i] & 0x7F);
        if (!(p[i] & 0x80)) {
            *value = v;
            return i + 1;
        }
    }
    return 0;
}

/* The document's length in tokens, all columns together, as xColumnSize(-1)
 * gives it. */
static int pk_document_length(pk_rank_data *data, const Fts5ExtensionApi *api, Fts5Context *fts,
                              sqlite3_context *context, double *length) {
    if (!data->use_xcolumnsize) {
        sqlite3_int64 rowid = api->xRowid(fts);
        int rc;
        if (data->docsize) {
            rc = sqlite3_blob_reopen(data->docsize, rowid);
        } else {
            rc = sqlite3_blob_open(sqlite3_context_db_handle(context), "main", data->docsize_table, "sz",
                                   rowid, 0, &data->docsize);
        }
        if (rc == SQLITE_OK) {
            unsigned char buffer[9 * 32];
            int bytes = sqlite3_blob_bytes(data->docsize);
            if (bytes > (int)sizeof(buffer)) bytes = (int)sizeof(buffer);
            rc = sqlite3_blob_read(data->docsize, buffer, bytes, 0);
            if (rc == SQLITE_OK) {
                sqlite3_uint64 total = 0;
                int offset = 0, read = 0;
                for (int c = 0; c < data->columns; c++) {
                    sqlite3_uint64 size = 0;
                    read = pk_get_varint(buffer + offset, bytes - offset, &size);
                    if (read == 0) break;
                    offset += read;
                    total += size;
                }
                if (read != 0) {
                    *length = (double)total;
                    return SQLITE_OK;
                }
            }
        }
        /* A handle that failed is expired: drop it, and stop trying when
           the table itself cannot be opened. */
        if (data->docsize) {
            sqlite3_blob_close(data->docsize);
            data->docsize = 0;
        } else {
            data->use_xcolumnsize = 1;
        }
    }
    int tokens = 0;
    int rc = api->xColumnSize(fts, -1, &tokens);
    *length = (double)tokens;
    return rc;
}

/* The current row's phrase frequencies, each occurrence weighted by its
 * column's weight, into data->freq. */
static int pk_row_frequencies(pk_rank_data *data, const Fts5ExtensionApi *api, Fts5Context *fts) {
    memset(data->freq, 0, sizeof(double) * (size_t)data->phrases);
    int instances = 0;
    int rc = api->xInstCount(fts, &instances);
    for (int i = 0; rc == SQLITE_OK && i < instances; i++) {
        int phrase, column, offset;
        rc = api->xInst(fts, i, &phrase, &column, &offset);
        if (rc == SQLITE_OK && column < data->columns) data->freq[phrase] += data->weights[column];
    }
    return rc;
}

/* BM25 of the current frequencies for a document `length` tokens long,
 * negated as FTS5's rank is. Every term only grows with `length`, so the
 * value at length 0 is a lower bound of the rank at any length (IEEE
 * arithmetic rounds monotonically, so the bound holds for the computed
 * values too). */
static double pk_bm25_rank(const pk_rank_data *data, double length) {
    double score = 0.0;
    for (int p = 0; p < data->phrases; p++) {
        score += pk_phrase_score(data->idf[p], data->freq[p], length, data->average_length);
    }
    return -1.0 * score;
}

static void pk_rank_function(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context,
                             int nargs, sqlite3_value **args) {
    pk_rank_data *data = 0;
    int rc = pk_rank_data_for(api, fts, nargs, args, 0, &data);
    if (rc == SQLITE_OK) rc = pk_row_frequencies(data, api, fts);
    double length = 0.0;
    if (rc == SQLITE_OK) rc = pk_document_length(data, api, fts, context, &length);
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(context, rc);
        return;
    }
    sqlite3_result_double(context, pk_bm25_rank(data, length));
}

/* MARK: the best rows of a query, kept as they are scored */

typedef struct {
    double rank;
    sqlite3_int64 rowid;
    /* The phrase frequency and length, for a rank whose IDF is deferred. */
    double frequency;
    double length;
} pk_ranked_row;

struct policykb_topk {
    int capacity;
    int count;
    sqlite3_int64 matches;
    sqlite3_int64 pruned;
    /* Set by the first row of a one-phrase query: ranks are held without
       the IDF, which the number of matches gives at the end. */
    int idf_deferred;
    sqlite3_int64 table_rows;
    double average_length;
    pk_ranked_row *rows; /* a binary heap, the worst kept row at the root */
};

/* Rows order by rank, then rowid: a total order, so the kept set does not
 * depend on the order in which rows arrive. */
static int pk_worse(const pk_ranked_row *x, const pk_ranked_row *y) {
    if (x->rank != y->rank) return x->rank > y->rank;
    return x->rowid > y->rowid;
}

static void pk_sift_down(pk_ranked_row *rows, int count, int index) {
    for (;;) {
        int worst = index, left = 2 * index + 1, right = left + 1;
        if (left < count && pk_worse(&rows[left], &rows[worst])) worst = left;
        if (right < count && pk_worse(&rows[right], &rows[worst])) worst = right;
        if (worst == index) return;
        pk_ranked_row swap = rows[index];
        rows[index] = rows[worst];
        rows[worst] = swap;
        index = worst;
    }
}

/* - Complexity: O(log capacity). */
static void pk_topk_offer(policykb_topk *top, pk_ranked_row row) {
    if (top->count < top->capacity) {
        int index = top->count++;
        top->rows[index] = row;
        while (index > 0) {
            int parent = (index - 1) / 2;
            if (!pk_worse(&top->rows[index], &top->rows[parent])) break;
            pk_ranked_row swap = top->rows[index];
            top->rows[index] = top->rows[parent];
            top->rows[parent] = swap;
            index = parent;
        }
    } else if (top->capacity > 0 && pk_worse(&top->rows[0], &row)) {
        top->rows[0] = row;
        pk_sift_down(top->rows, top->count, 0);
    }
}

policykb_topk *policykb_topk_create(int capacity) {
    if (capacity < 0) return 0;
    policykb_topk *top = calloc(1, sizeof(policykb_topk));
    if (!top) return 0;
    top->capacity = capacity;
    top->rows = calloc(capacity > 0 ? (size_t)capacity : 1, sizeof(pk_ranked_row));
    if (!top->rows) {
        free(top);
        return 0;
    }
    return top;
}

void policykb_topk_destroy(policykb_topk *top) {
    if (!top) return;
    free(top->rows);
    free(top);
}

int policykb_topk_count(const policykb_topk *top) { return top->count; }

long long policykb_topk_pruned(const policykb_topk *top) { return top->pruned; }

void policykb_topk_reset(policykb_topk *top) {
    top->count = 0;
    top->matches = 0;
    top->pruned = 0;
    top->idf_deferred = 0;
}

static int pk_compare_rows(const void *x, const void *y) {
    const pk_ranked_row *a = x, *b = y;
    return pk_worse(a, b) ? 1 : (pk_worse(b, a) ? -1 : 0);
}

void policykb_topk_sorted(policykb_topk *top, long long *rowids, double *ranks) {
    if (top->idf_deferred) {
        /* Each rank so far was -(1.0 * g); the rank is -(IDF * g), and a
           positive factor keeps the order. */
        double idf = pk_idf(top->table_rows, top->matches);
        for (int i = 0; i < top->count; i++) {
            pk_ranked_row *row = &top->rows[i];
            row->rank = -1.0 * (0.0 + pk_phrase_score(idf, row->frequency, row->length, top->average_length));
        }
        top->idf_deferred = 0;
    }
    qsort(top->rows, (size_t)top->count, sizeof(pk_ranked_row), pk_compare_rows);
    for (int i = 0; i < top->count; i++) {
        rowids[i] = top->rows[i].rowid;
        ranks[i] = top->rows[i].rank;
    }
    /* Sorted ascending is no longer a heap with the worst at the root. */
    for (int i = (top->count - 2) / 2; i >= 0; i--) pk_sift_down(top->rows, top->count, i);
}

const char *policykb_topk_pointer_type(void) { return "policykb_topk"; }

/* policykb_collect(TABLE, POINTER, RANK ARGUMENTS...): scores the row as
 * policykb_rank(RANK ARGUMENTS...) does and offers it to the policykb_topk
 * bound as POINTER; returns 1.
 *
 * Two shortcuts, neither of which changes a rank:
 *   - A row whose rank, at its frequencies and the shortest conceivable
 *     length (0), is already worse than the worst of a full set cannot
 *     enter it, and its length is never read.
 *   - A query of one phrase matches exactly the rows that phrase matches,
 *     so the number of rows this function sees is the n of the IDF, and the
 *     pass over the phrase's rows that policykb_rank starts with is not
 *     needed: rows are ordered without the IDF (a positive factor common to
 *     all), and policykb_topk_sorted() applies it. */
static void pk_collect_function(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context,
                                int nargs, sqlite3_value **args) {
    /* "The sqlite3_value_pointer(V,Y) will return the pointer P if and only
       if ... the type Y ... matches the type used when P was bound." */
    policykb_topk *top = nargs > 0 ? sqlite3_value_pointer(args[0], "policykb_topk") : 0;
    if (!top) {
        sqlite3_result_error(context, "policykb_collect: the first argument must be a policykb_topk pointer", -1);
        return;
    }
    pk_rank_data *data = 0;
    int rc = pk_rank_data_for(api, fts, nargs - 1, args + 1, 1, &data);
    if (rc == SQLITE_OK && top->matches == 0) {
        top->idf_deferred = data->idf_deferred;
        top->table_rows = data->rows;
        top->average_length = data->average_length;
    }
    if (rc == SQLITE_OK) rc = pk_row_frequencies(data, api, fts);
    if (rc == SQLITE_OK) {
        top->matches++;
        pk_ranked_row row = {0.0, api->xRowid(fts), data->phrases > 0 ? data->freq[0] : 0.0, 0.0};
        if (top->count == top->capacity &&
            (top->capacity == 0 || pk_bm25_rank(data, 0.0) > top->rows[0].rank)) {
            top->pruned++;
        } else {
            rc = pk_document_length(data, api, fts, context, &row.length);
            row.rank = pk_bm25_rank(data, row.length);
            if (rc == SQLITE_OK) pk_topk_offer(top, row);
        }
    }
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(context, rc);
        return;
    }
    sqlite3_result_int(context, 1);
}

/* policykb_explain: the parts of policykb_rank's score for the current row,
 * as JSON text. */
static void pk_explain_function(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context,
                                int nargs, sqlite3_value **args) {
    pk_rank_data *data = 0;
    int rc = pk_rank_data_for(api, fts, nargs, args, 0, &data);
    double length = 0.0;
    if (rc == SQLITE_OK) rc = pk_row_frequencies(data, api, fts);
    if (rc == SQLITE_OK) rc = pk_document_length(data, api, fts, context, &length);
    sqlite3_str *out = sqlite3_str_new(sqlite3_context_db_handle(context));
    sqlite3_str_appendf(out, "{\"phrases\": [");
    int instances = 0;
    if (rc == SQLITE_OK) rc = api->xInstCount(fts, &instances);
    double total = 0.0;
    for (int p = 0; rc == SQLITE_OK && p < data->phrases; p++) {
        sqlite3_str_appendf(out, "%s{\"columns\": [", p ? ", " : "");
        for (int c = 0; rc == SQLITE_OK && c < data->columns; c++) {
            int count = 0;
            for (int i = 0; rc == SQLITE_OK && i < instances; i++) {
                int phrase, column, offset;
                rc = api->xInst(fts, i, &phrase, &column, &offset);
                if (rc == SQLITE_OK && phrase == p && column == c) count++;
            }
            sqlite3_str_appendf(out, "%s%d", c ? ", " : "", count);
        }
        double part = pk_phrase_score(data->idf[p], data->freq[p], length, data->average_length);
        total += part;
        sqlite3_str_appendf(out, "], \"frequency\": %!.15g, \"idf\": %!.15g, \"score\": %!.15g}",
                            data->freq[p], data->idf[p], part);
    }
    sqlite3_str_appendf(out, "], \"length\": %!.15g, \"average_length\": %!.15g, \"documents\": %lld, "
                        "\"score\": %!.15g}", length, data ? data->average_length : 0.0,
                        data ? data->rows : 0, total);
    char *json = sqlite3_str_finish(out);
    if (rc != SQLITE_OK || !json) {
        sqlite3_free(json);
        sqlite3_result_error_code(context, rc != SQLITE_OK ? rc : SQLITE_NOMEM);
        return;
    }
    sqlite3_result_text(context, json, -1, sqlite3_free);
}

int policykb_register_rank(fts5_api *api) {
    int rc = api->xCreateFunction(api, "policykb_rank", 0, pk_rank_function, 0);
    if (rc == SQLITE_OK) rc = api->xCreateFunction(api, "policykb_explain", 0, pk_explain_function, 0);
    if (rc == SQLITE_OK) rc = api->xCreateFunction(api, "policykb_collect", 0, pk_collect_function, 0);
    return rc;
}
