#ifndef POLICYKB_FTS5_H
#define POLICYKB_FTS5_H

/*
 * policykb's FTS5 tokenizer ("policykb") registered with SQLite, its
 * ranking functions and the loadable extension. The tokenizer and the
 * search-text folding themselves are pure functions of text in PolicykbText
 * (policykb_text.h, included here), which extraction uses without SQLite.
 */

#include "policykb_text.h"
#ifdef __cplusplus
extern "C" {
#endif


/* The best rows of one ranked query, collected in a single pass.
 *
 * A host that wants the top N of a MATCH by policykb_rank and the number of
 * matches binds a policykb_topk of capacity N as a pointer of type
 * policykb_topk_pointer_type() (sqlite3_bind_pointer) and runs
 *     SELECT count(*) FROM T WHERE T MATCH ?1 AND policykb_collect(T, ?2, RANK ARGUMENTS...)
 * (SQLite finds auxiliary functions in the WHERE clause and the result
 * columns, not inside an aggregate's arguments), where RANK ARGUMENTS are those of the table's policykb_rank(...) rank
 * setting. Each matching row is scored exactly as policykb_rank scores it
 * and kept if it is among the N best so far (by rank, then rowid); a row
 * that cannot be, whatever its length, is not scored in full. SQLite's
 * window-and-sort alternative keeps every matching row. */
typedef struct policykb_topk policykb_topk;

/* A collector of `capacity` rows, or NULL when out of memory. */
policykb_topk *policykb_topk_create(int capacity);
void policykb_topk_destroy(policykb_topk *top);
/* Forgets the rows of an earlier query. */
void policykb_topk_reset(policykb_topk *top);
/* The rows kept, at most the capacity. */
int policykb_topk_count(const policykb_topk *top);
/* Rows set aside without reading their length. */
long long policykb_topk_pruned(const policykb_topk *top);
/* The rows kept, best first: rowids and ranks, policykb_topk_count() of each. */
void policykb_topk_sorted(policykb_topk *top, long long *rowids, double *ranks);
/* The type name the pointer is bound under. */
const char *policykb_topk_pointer_type(void);

/* The extension's entry point, in the form sqlite3_auto_extension() takes.
 * Registering it makes every later connection of this process know the
 * tokenizer and the SQL function policykb_fold(). */
typedef void (*policykb_entry_point)(void);
policykb_entry_point policykb_fts5_entry_point(void);

#ifdef __cplusplus
}
#endif

#endif
