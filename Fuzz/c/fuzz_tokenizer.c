/*
 * libFuzzer target: policykb_tokenize (document and query modes) and
 * policykb_fold_with (both flags) over arbitrary bytes, with invariants:
 *
 *   tokens   0 <= start < end <= bytes, starts never decrease, every token
 *            non-empty, valid UTF-8, at most 255 bytes; query mode gives
 *            the document's tokens, or all of them but the last (the last
 *            character of a run that ends the query);
 *   fold     output NUL-terminated, within policykb_fold_capacity(bytes)-1,
 *            valid UTF-8; origins within the input, never decreasing, the
 *            end's origin the input's length; the same output with and
 *            without origins; keeping the script never lengthens the text;
 *   both     for valid UTF-8, the tokens of the script-keeping fold are the
 *            tokens of the text (the fold is what a phrase must match).
 *
 * A broken invariant aborts (a crash for libFuzzer), with a message.
 */
#include "policykb_fts5.h"

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

/* Strict UTF-8 (no overlongs, no surrogates, at most U+10FFFF). */
static int valid_utf8(const unsigned char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t len;
        unsigned cp, min;
        if (c < 0x80) { i++; continue; }
        if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; min = 0x80; }
        else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; min = 0x800; }
        else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; min = 0x10000; }
        else return 0;
        if (i + len > n) return 0;
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80) return 0;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
        i += len;
    }
    return 1;
}

typedef struct {
    int start, end, offset, bytes;
} token;

typedef struct {
    int input_bytes;
    token *items;
    int count, capacity;
    char *text; /* token texts, concatenated */
    int text_bytes, text_capacity;
} sink;

static int on_token(void *context, int flags, const char *text, int bytes, int start, int end) {
    sink *s = context;
    REQUIRE(flags == 0, "flags %d", flags);
    REQUIRE(text != NULL && bytes > 0 && bytes <= 255, "token of %d bytes", bytes);
    REQUIRE(valid_utf8((const unsigned char *)text, (size_t)bytes), "token not UTF-8: %.*s", bytes, text);
    REQUIRE(start >= 0 && start < end && end <= s->input_bytes, "token %.*s@%d-%d in %d bytes", bytes, text, start, end,
            s->input_bytes);
    REQUIRE(s->count == 0 || s->items[s->count - 1].start <= start, "token %.*s@%d-%d starts before the previous one (%d)",
            bytes, text, start, end, s->items[s->count - 1].start);
    if (s->count == s->capacity) {
        s->capacity = s->capacity ? 2 * s->capacity : 64;
        s->items = realloc(s->items, sizeof(token) * (size_t)s->capacity);
    }
    if (s->text_bytes + bytes > s->text_capacity) {
        s->text_capacity = 2 * (s->text_bytes + bytes) + 256;
        s->text = realloc(s->text, (size_t)s->text_capacity);
    }
    memcpy(s->text + s->text_bytes, text, (size_t)bytes);
    s->items[s->count++] = (token){start, end, s->text_bytes, bytes};
    s->text_bytes += bytes;
    return 0;
}

static void tokenize(const char *data, int bytes, int query, sink *s) {
    memset(s, 0, sizeof(*s));
    s->input_bytes = bytes;
    int rc = policykb_tokenize(data, bytes, query, s, on_token);
    REQUIRE(rc == 0, "policykb_tokenize returned %d", rc);
}

static void release(sink *s) {
    free(s->items);
    free(s->text);
}

static int same_token_text(const sink *a, int i, const sink *b, int j) {
    return a->items[i].bytes == b->items[j].bytes
        && memcmp(a->text + a->items[i].offset, b->text + b->items[j].offset, (size_t)a->items[i].bytes) == 0;
}

static void check_fold(const char *data, int bytes, int flags, char **folded, int *folded_bytes) {
    int n = -1, m = -1;
    int *origins = NULL;
    char *out = policykb_fold_with(data, bytes, flags, &n, &origins);
    REQUIRE(out != NULL && origins != NULL, "out of memory");
    size_t capacity = policykb_fold_capacity(bytes);
    REQUIRE(n >= 0 && (size_t)n <= capacity - 1, "%d bytes folded out of capacity %zu", n, capacity);
    REQUIRE(out[n] == 0, "not NUL-terminated");
    REQUIRE(valid_utf8((const unsigned char *)out, (size_t)n), "folded text not UTF-8");
    for (int i = 0; i < n; i++) {
        REQUIRE(origins[i] >= 0 && origins[i] < bytes, "origin %d of byte %d out of %d bytes", origins[i], i, bytes);
        REQUIRE(i == 0 || origins[i - 1] <= origins[i], "origins decrease at byte %d", i);
    }
    REQUIRE(origins[n] == bytes, "end origin %d for %d bytes", origins[n], bytes);
    if (flags & POLICYKB_FOLD_KEEP_SCRIPT) REQUIRE(n <= bytes, "keeping the script lengthened %d bytes to %d", bytes, n);
    char *again = policykb_fold_with(data, bytes, flags, &m, NULL);
    REQUIRE(again && m == n && memcmp(again, out, (size_t)n) == 0, "folding without origins differs");
    policykb_free(again);
    policykb_free(origins);
    *folded = out;
    *folded_bytes = n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > (1 << 20)) return 0;
    const char *text = (const char *)data;
    int bytes = (int)size;

    sink document, query;
    tokenize(text, bytes, 0, &document);
    tokenize(text, bytes, 1, &query);
    /* Query mode: the document's tokens, the last one perhaps dropped. */
    REQUIRE(query.count == document.count || query.count == document.count - 1, "query %d tokens, document %d", query.count,
            document.count);
    for (int i = 0; i < query.count; i++) {
        REQUIRE(same_token_text(&query, i, &document, i) && query.items[i].start == document.items[i].start
                    && query.items[i].end == document.items[i].end,
                "query token %d differs from the document's", i);
    }

    char *folded = NULL, *kept = NULL;
    int folded_bytes = 0, kept_bytes = 0;
    check_fold(text, bytes, 0, &folded, &folded_bytes);
    check_fold(text, bytes, POLICYKB_FOLD_KEEP_SCRIPT, &kept, &kept_bytes);

    if (valid_utf8(data, size)) {
        /* The script-keeping fold tokenizes as the text does. (Not the
           script fold: the table has a chain, 薴 -> 苧 -> 苎, so folding
           twice differs from folding once.) */
        sink refolded;
        tokenize(kept, kept_bytes, 0, &refolded);
        REQUIRE(refolded.count == document.count, "%d tokens in the fold, %d in the text", refolded.count, document.count);
        for (int i = 0; i < document.count; i++) {
            REQUIRE(same_token_text(&refolded, i, &document, i), "token %d of the fold: %.*s, of the text: %.*s", i,
                    refolded.items[i].bytes, refolded.text + refolded.items[i].offset, document.items[i].bytes,
                    document.text + document.items[i].offset);
        }
        release(&refolded);
    }

    policykb_free(folded);
    policykb_free(kept);
    release(&document);
    release(&query);
    return 0;
}
