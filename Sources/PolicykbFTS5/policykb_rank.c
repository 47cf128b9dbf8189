/*
 * policykb_rank(TABLE, W1, W2, ...): Okapi BM25 over an FTS5 table, the same
 * score as FTS5's bm25(W1, W2, ...), computed with a cheaper read of each
 * document's length.
 *
 * BM25, with k1 = 1.2 and b = 0.75, for a document of D tokens where the
 * average is avgdl: the sum over the query's phrases of
 *     IDF * f * (k1 + 1) / (f + k1 * (1 - b + b * D / avgdl)),
 * f being the phrase's occurrences weighted by the weight of their column,
 * IDF = log((N - n + 0.5) / (n + 0.5)) for N documents of which n hold the
 * phrase, and at least 1e-6. The result is negated, so that better matches
 * sort first in ascending order, as FTS5's rank does.
 *
 * The document length: FTS5's xColumnSize() runs a prepared statement on
 * the %_docsize table for every row, which costs more than the rest of the
 * score; here an incremental-blob handle on that table's "sz" column is
 * moved from row to row with sqlite3_blob_reopen(), "faster than closing
 * the existing handle and opening a new one". Whenever that cannot be done
 * (another schema, columnsize=0, a row missing) the score falls back to
 * xColumnSize(), so the result is always bm25's.
 */
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3

#include "policykb_rank.h"

#include <math.h>
#include <string.h>

typedef struct {
    int phrases;
    int columns;
    double *idf;      /* per phrase */
    double *freq;     /* per phrase, for the current row */
    double *weights;  /* per column */
    double average_length;
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

/* What stays the same for every row of one query: IDFs, the average length,
 * the column weights. */
static int pk_rank_data_for(const Fts5ExtensionApi *api, Fts5Context *fts, int nargs,
                            sqlite3_value **args, pk_rank_data **out) {
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
    for (int p = 0; rc == SQLITE_OK && p < phrases; p++) {
        sqlite3_int64 hits = 0;
        rc = api->xQueryPhrase(fts, p, &hits, pk_count_callback);
        if (rc == SQLITE_OK) {
            double idf = log(((double)rows - (double)hits + 0.5) / ((double)hits + 0.5));
            data->idf[p] = idf <= 0.0 ? 1e-6 : idf;
        }
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

static void pk_rank_function(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context,
                             int nargs, sqlite3_value **args) {
    const double k1 = 1.2, b = 0.75;
    pk_rank_data *data = 0;
    int rc = pk_rank_data_for(api, fts, nargs, args, &data);
    int instances = 0;
    if (rc == SQLITE_OK) {
        memset(data->freq, 0, sizeof(double) * (size_t)data->phrases);
        rc = api->xInstCount(fts, &instances);
    }
    for (int i = 0; rc == SQLITE_OK && i < instances; i++) {
        int phrase, column, offset;
        rc = api->xInst(fts, i, &phrase, &column, &offset);
        if (rc == SQLITE_OK && column < data->columns) data->freq[phrase] += data->weights[column];
    }
    double length = 0.0;
    if (rc == SQLITE_OK) rc = pk_document_length(data, api, fts, context, &length);
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(context, rc);
        return;
    }
    double score = 0.0;
    for (int p = 0; p < data->phrases; p++) {
        double f = data->freq[p];
        score += data->idf[p] * (f * (k1 + 1.0)) / (f + k1 * (1.0 - b + b * length / data->average_length));
    }
    sqlite3_result_double(context, -1.0 * score);
}

int policykb_register_rank(fts5_api *api) {
    return api->xCreateFunction(api, "policykb_rank", 0, pk_rank_function, 0);
}
