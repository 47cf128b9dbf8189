#ifndef POLICYKB_RANK_H
#define POLICYKB_RANK_H

#include <sqlite3ext.h>

/* Registers the FTS5 auxiliary functions policykb_rank and policykb_collect
 * (see policykb_rank.c). */
int policykb_register_rank(fts5_api *api);

#endif
