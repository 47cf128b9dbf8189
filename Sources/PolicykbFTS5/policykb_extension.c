/*
 * SQLite extension entry point: registers the "policykb" FTS5 tokenizer, the
 * FTS5 auxiliary functions policykb_rank() and policykb_collect() and the SQL
 * function policykb_fold(). Every SQLite call goes through the
 * sqlite3_api routines SQLite hands to the entry point, so the same code
 * works when SQLite is linked into the host statically (the sqlite3 shell
 * from sqlite.org) or dynamically (Python, Debian's shell, the policykb
 * binary, which registers it with sqlite3_auto_extension()).
 */
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

#include "policykb_fts5.h"
#include "policykb_rank.h"

#include <string.h>

/* The tokenizer keeps no state; xCreate hands back a non-NULL marker. */
static int pk_create(void *unused, const char **args, int nargs, Fts5Tokenizer **out) {
    (void)unused;
    (void)args;
    if (nargs > 0) return SQLITE_ERROR; /* the tokenizer takes no options */
    static int marker;
    *out = (Fts5Tokenizer *)&marker;
    return SQLITE_OK;
}

static void pk_delete(Fts5Tokenizer *tokenizer) { (void)tokenizer; }

static int pk_tokenize(Fts5Tokenizer *tokenizer, void *context, int flags,
                       const char *text, int bytes,
                       int (*token)(void *, int, const char *, int, int, int)) {
    (void)tokenizer;
    /* "FTS5_TOKENIZE_QUERY - A MATCH query is being executed against the FTS
       index. The tokenizer is being called to tokenize a bareword or quoted
       string specified as part of the query." AUX (highlight, snippet)
       re-tokenizes documents, so it takes the document form. A prefix
       string ("券" *) takes the query form: its last token is the prefix. */
    int query = (flags & FTS5_TOKENIZE_QUERY) != 0;
    return policykb_tokenize(text, bytes, query, context, token);
}

/* The documented way to reach the fts5_api: "SELECT fts5(?1)" with a pointer
   bound under the type "fts5_api_ptr". */
static fts5_api *pk_fts5_api(sqlite3 *db) {
    fts5_api *api = 0;
    sqlite3_stmt *stmt = 0;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, 0) == SQLITE_OK) {
        sqlite3_bind_pointer(stmt, 1, (void *)&api, "fts5_api_ptr", 0);
        sqlite3_step(stmt);
    }
    sqlite3_finalize(stmt);
    return api;
}

static void pk_fold_function(sqlite3_context *context, int argc, sqlite3_value **argv) {
    (void)argc;
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(context);
        return;
    }
    const char *text = (const char *)sqlite3_value_text(argv[0]);
    int bytes = sqlite3_value_bytes(argv[0]);
    int out_bytes = 0;
    char *folded = policykb_fold(text ? text : "", bytes, &out_bytes, 0);
    if (!folded) {
        sqlite3_result_error_nomem(context);
        return;
    }
    sqlite3_result_text(context, folded, out_bytes, policykb_free);
}

static int pk_register(sqlite3 *db, char **error) {
    fts5_api *api = pk_fts5_api(db);
    if (!api || api->iVersion < 2) {
        if (error) *error = sqlite3_mprintf("policykb: this SQLite has no FTS5 (version 2 API)");
        return SQLITE_ERROR;
    }
    static fts5_tokenizer tokenizer = {pk_create, pk_delete, pk_tokenize};
    int rc = api->xCreateTokenizer(api, "policykb", 0, &tokenizer, 0);
    if (rc == SQLITE_OK) rc = policykb_register_rank(api);
    if (rc != SQLITE_OK) return rc;
    return sqlite3_create_function_v2(db, "policykb_fold", 1,
                                      SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                      0, pk_fold_function, 0, 0, 0);
}

/* Entry point SQLite derives from the file name libPolicykbFTS5.so. */
#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_policykbfts_init(sqlite3 *db, char **error, const sqlite3_api_routines *api) {
    SQLITE_EXTENSION_INIT2(api);
    return pk_register(db, error);
}

/* Entry point SQLite tries first when none is named. */
#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_extension_init(sqlite3 *db, char **error, const sqlite3_api_routines *api) {
    return sqlite3_policykbfts_init(db, error, api);
}

policykb_entry_point policykb_fts5_entry_point(void) {
    /* sqlite3_auto_extension() declares its argument as void(*)(void) and
       calls it with the (db, error, api) arguments of an entry point. */
    return (policykb_entry_point)(void *)sqlite3_policykbfts_init;
}
