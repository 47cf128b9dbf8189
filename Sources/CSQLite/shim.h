#ifndef POLICYKB_CSQLITE_SHIM_H
#define POLICYKB_CSQLITE_SHIM_H

#include <sqlite3.h>

/* SQLITE_TRANSIENT is defined as ((sqlite3_destructor_type)-1), a cast that
   Swift cannot import; these wrappers pass it on Swift's behalf. "If the
   destructor is SQLITE_TRANSIENT, SQLite makes its own private copy of the
   data immediately, before the sqlite3_bind_*() routine returns." */
static inline int csqlite_bind_text_transient(sqlite3_stmt *stmt, int index,
                                              const char *text, int bytes) {
    return sqlite3_bind_text(stmt, index, text, bytes, SQLITE_TRANSIENT);
}

static inline int csqlite_bind_blob_transient(sqlite3_stmt *stmt, int index,
                                              const void *blob, int bytes) {
    return sqlite3_bind_blob(stmt, index, blob, bytes, SQLITE_TRANSIENT);
}

/* sqlite3_db_config is variadic, which Swift cannot call. */
static inline int csqlite_db_config_int(sqlite3 *db, int op, int value, int *out) {
    return sqlite3_db_config(db, op, value, out);
}

#endif
