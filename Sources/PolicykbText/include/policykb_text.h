#ifndef POLICYKB_TEXT_H
#define POLICYKB_TEXT_H

/*
 * policykb's tokenizer and its search-text folding: pure functions of UTF-8
 * text, with no call into SQLite, so that the FTS5 tokenizer (PolicykbFTS5),
 * the loadable extension and extraction share the same object code.
 *
 * Tokens, in document mode:
 *   - every CJK character has a position of its own, where the tokenizer
 *     emits the bigram of that character and the next one of the same run
 *     (its offsets spanning both), or, for the last character of a run, the
 *     character alone: one token per character, so a phrase of bigrams
 *     matches exactly where its characters stand together in one run;
 *   - white space between two CJK characters does not end the run;
 *   - runs of Latin letters and digits are one lower-cased token;
 *   - full-width ASCII (U+FF01-U+FF5E) is folded to ASCII first, and
 *     traditional Chinese characters to simplified ones (數據 indexes and
 *     matches as 数据);
 *   - punctuation between a word and a CJK run, or between two words,
 *     becomes the token "|", so that "5G、家" does not match the phrase
 *     "5G家" nor "deep, seek" the phrase "deep seek" (white space there is
 *     ignored: "2026 年" matches "2026年");
 *   - everything else separates tokens.
 * In query mode a CJK run followed by more of the query gives the same
 * tokens; a run that ends the query gives only its bigrams (the document may
 * continue the run), or, when it is one character, that character, which
 * the caller marks as a prefix (`"券" *`) so that it matches the bigrams the
 * character begins.
 */

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Callback with the shape of FTS5's xToken. Return non-zero to stop. */
typedef int (*policykb_token_callback)(void *context, int flags,
                                       const char *token, int token_bytes,
                                       int start, int end);

/* Tokenizes `text` (UTF-8, `bytes` long) as a document (query == 0) or as a
 * query term (query != 0). Returns 0, or the first non-zero value the
 * callback returned, or 7 (SQLITE_NOMEM) when memory runs out. */
int policykb_tokenize(const char *text, int bytes, int query, void *context,
                      policykb_token_callback callback);

/* Folds text the way the index sees it: full-width ASCII to ASCII,
 * traditional Chinese to simplified, Latin letters lower-cased, white space
 * next to a CJK character removed.
 * A substring test on folded strings is the reference for what a phrase
 * query must match. Returns a malloc'd, NUL-terminated string (free it with
 * policykb_free) and its length in *out_bytes, or NULL when out of memory.
 * When `origins` is not NULL it receives a malloc'd array (free it with
 * policykb_free) giving, for each byte of the result, the offset in `text`
 * of the byte it came from. */
char *policykb_fold(const char *text, int bytes, int *out_bytes, int **origins);

/* As policykb_fold, with flags: POLICYKB_FOLD_KEEP_SCRIPT leaves traditional
 * characters as they are (an exact-script search checks its matches with
 * it). */
#define POLICYKB_FOLD_KEEP_SCRIPT 1
char *policykb_fold_with(const char *text, int bytes, int flags, int *out_bytes, int **origins);

/* The bytes policykb_fold_with allocates for `bytes` of input: an upper
 * bound on its output, NUL included, over every character it folds. */
size_t policykb_fold_capacity(int bytes);

/* The offset of the first `needle` in `haystack`, or -1 (memmem). */
long policykb_find(const unsigned char *haystack, long length, const unsigned char *needle, long needle_length);

void policykb_free(void *pointer);

#ifdef __cplusplus
}
#endif

#endif
