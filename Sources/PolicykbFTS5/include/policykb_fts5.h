#ifndef POLICYKB_FTS5_H
#define POLICYKB_FTS5_H

/*
 * policykb's FTS5 tokenizer ("policykb") and its search-text folding, usable
 * three ways: linked into the policykb binary, loaded into the stock sqlite3
 * shell or Python as a run-time extension (libPolicykbFTS5.so), and called
 * directly (tests, snippets) through the functions below.
 *
 * Tokens, in document mode:
 *   - every CJK character is one token at its own position; when the next
 *     character of the same CJK run follows, the bigram of the two is emitted
 *     at the same position (FTS5_TOKEN_COLOCATED);
 *   - white space between two CJK characters does not end the run;
 *   - runs of Latin letters and digits are one lower-cased token;
 *   - full-width ASCII (U+FF01-U+FF5E) is folded to ASCII first;
 *   - everything else separates tokens.
 * In query mode a CJK run of n characters becomes n-1 bigrams followed by the
 * unigram of its last character, one per position, so that a phrase matches
 * exactly where the run occurs as a substring, and highlight() marks exactly
 * the characters of the query. Every token reports the byte range of the one
 * character (or word) at its position.
 */

#ifdef __cplusplus
extern "C" {
#endif

/* Callback with the shape of FTS5's xToken. Return non-zero to stop. */
typedef int (*policykb_token_callback)(void *context, int flags,
                                       const char *token, int token_bytes,
                                       int start, int end);

/* Bits for `flags` in the callback, equal to FTS5's. */
#define POLICYKB_TOKEN_COLOCATED 0x0001

/* Tokenizes `text` (UTF-8, `bytes` long) as a document (query == 0) or as a
 * query term (query != 0). Returns 0, or the first non-zero value the
 * callback returned, or 7 (SQLITE_NOMEM) when memory runs out. */
int policykb_tokenize(const char *text, int bytes, int query, void *context,
                      policykb_token_callback callback);

/* Folds text the way the index sees it: full-width ASCII to ASCII, Latin
 * letters lower-cased, white space between two CJK characters removed.
 * A substring test on folded strings is the reference for what a phrase
 * query must match. Returns a malloc'd, NUL-terminated string (free it with
 * policykb_free) and its length in *out_bytes, or NULL when out of memory. */
char *policykb_fold(const char *text, int bytes, int *out_bytes);

void policykb_free(void *pointer);

/* The extension's entry point, in the form sqlite3_auto_extension() takes.
 * Registering it makes every later connection of this process know the
 * tokenizer and the SQL function policykb_fold(). */
typedef void (*policykb_entry_point)(void);
policykb_entry_point policykb_fts5_entry_point(void);

#ifdef __cplusplus
}
#endif

#endif
