/*
 * The policykb tokenizer and folding: pure functions of UTF-8 text, with no
 * call into SQLite, so the same object code serves the linked binary and the
 * loadable extension. See include/policykb_text.h for the token scheme.
 */
#include "policykb_text.h"
#include "policykb_script_fold.h"

#include <stdlib.h>
#include <string.h>

#define PK_NOMEM 7 /* SQLITE_NOMEM */
#define PK_MAX_WORD 255

enum char_class { CLASS_OTHER, CLASS_SPACE, CLASS_WORD, CLASS_CJK };

typedef struct {
    unsigned cp;   /* folded code point */
    int start;     /* byte offset of the character in the input */
    int end;
} pk_char;

/* Decodes one UTF-8 sequence at s[i]; invalid bytes decode as U+FFFD of
 * length 1 so that no input stops the tokenizer. */
static int decode(const unsigned char *s, int n, int i, unsigned *cp) {
    unsigned c = s[i];
    if (c < 0x80) { *cp = c; return 1; }
    int len; unsigned min;
    if ((c & 0xE0) == 0xC0) { len = 2; c &= 0x1F; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { len = 3; c &= 0x0F; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { len = 4; c &= 0x07; min = 0x10000; }
    else { *cp = 0xFFFD; return 1; }
    if (i + len > n) { *cp = 0xFFFD; return 1; }
    for (int k = 1; k < len; k++) {
        unsigned b = s[i + k];
        if ((b & 0xC0) != 0x80) { *cp = 0xFFFD; return 1; }
        c = (c << 6) | (b & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) { *cp = 0xFFFD; return 1; }
    *cp = c;
    return len;
}

static int encode(unsigned c, char *out) {
    if (c < 0x80) { out[0] = (char)c; return 1; }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* Full-width ASCII to ASCII, ideographic space to space, traditional Chinese
 * characters to simplified ones (one to one, CScriptFold's table from
 * OpenCC), then lower case for ASCII, Latin-1, Greek and Cyrillic capitals. */
static unsigned fold_char(unsigned c, int keep_script) {
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
    else if (c >= 0x3400) return keep_script ? c : policykb_fold_script(c);
    else if (c == 0x3000) c = ' ';
    if (c >= 'A' && c <= 'Z') return c + 32;
    if (c < 0xC0) return c;
    if ((c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 32;
    if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;
    if (c >= 0x410 && c <= 0x42F) return c + 32;
    if (c >= 0x400 && c <= 0x40F) return c + 80;
    return c;
}

/* The index's folding: scripts folded together. */
static unsigned fold(unsigned c) { return fold_char(c, 0); }

/* One classifier for the project: CScriptFold's. */
static int is_cjk(unsigned c) { return policykb_is_cjk_run(c); }

static int is_space(unsigned c) {
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0
        || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028
        || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

static int is_word(unsigned c) {
    if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
    return (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7)
        || (c >= 0x370 && c <= 0x3FF) || (c >= 0x400 && c <= 0x4FF);
}

static enum char_class classify(unsigned folded) {
    if (is_cjk(folded)) return CLASS_CJK;
    if (is_space(folded)) return CLASS_SPACE;
    if (is_word(folded)) return CLASS_WORD;
    return CLASS_OTHER;
}

typedef struct {
    pk_char *items;
    int count;
    int capacity;
} pk_run;

static int run_push(pk_run *run, unsigned cp, int start, int end) {
    if (run->count == run->capacity) {
        int capacity = run->capacity ? run->capacity * 2 : 64;
        pk_char *items = realloc(run->items, (size_t)capacity * sizeof(pk_char));
        if (!items) return PK_NOMEM;
        run->items = items;
        run->capacity = capacity;
    }
    run->items[run->count++] = (pk_char){cp, start, end};
    return 0;
}

/* Emits one CJK run. Document mode: one token per character position —
 * the bigram of the character and the next one in the run (its offsets
 * spanning both characters), or, for the run's last character, the
 * character alone. Query mode mirrors that for a run followed by more of
 * the query; a run that ends the query drops its final single character,
 * since the document may continue the run (a lone character is kept: the
 * caller marks it as a prefix). */
static int emit_run(const pk_run *run, int query, int ends_query, void *context,
                    policykb_token_callback callback) {
    char token[8];
    int count = run->count;
    for (int k = 0; k < count; k++) {
        const pk_char *c = &run->items[k];
        int has_next = k + 1 < count;
        if (query && ends_query && !has_next && count > 1) break;
        int n = encode(c->cp, token);
        int end = c->end;
        if (has_next) {
            n += encode(run->items[k + 1].cp, token + n);
            end = run->items[k + 1].end;
        }
        int rc = callback(context, 0, token, n, c->start, end);
        if (rc) return rc;
    }
    return 0;
}

/* Whether only white space and characters that make no token follow
 * position i: then a run ending at i ends the query. */
static int nothing_tokenized_after(const unsigned char *s, int bytes, int i) {
    while (i < bytes) {
        unsigned cp;
        int len = decode(s, bytes, i, &cp);
        enum char_class cls = classify(fold(cp));
        if (cls == CLASS_CJK || cls == CLASS_WORD) return 0;
        i += len;
    }
    return 1;
}

/* A token that marks punctuation between a word and a CJK run, or between
 * two words: without it "5G、家" would put 5g and 家 at neighbouring
 * positions, and "deep, seek" deep and seek, so that the phrases "5G家" and
 * "deep seek" would match text that does not contain them. White space
 * alone makes no separator ("2026 年" matches "2026年", "deep  seek" "deep
 * seek"). Runs of CJK characters need none: a run's last character stands
 * alone. */
static const char separator_token[] = "|";

int policykb_tokenize(const char *text, int bytes, int query, void *context,
                      policykb_token_callback callback) {
    const unsigned char *s = (const unsigned char *)text;
    pk_run run = {0};
    char word[PK_MAX_WORD + 4];
    int rc = 0;
    int i = 0;
    enum char_class last_token = CLASS_OTHER; /* class of the last token: WORD, CJK, or none */
    int other_start = -1, other_end = -1;     /* first punctuation since that token */
    while (i < bytes && rc == 0) {
        unsigned cp;
        int len = decode(s, bytes, i, &cp);
        unsigned folded = fold(cp);
        enum char_class cls = classify(folded);
        if ((cls == CLASS_CJK || cls == CLASS_WORD) && other_start >= 0 && last_token != CLASS_OTHER
            && (last_token != cls || cls == CLASS_WORD)) {
            rc = callback(context, 0, separator_token, 1, other_start, other_end);
            if (rc) break;
        }
        if (cls == CLASS_CJK || cls == CLASS_WORD) other_start = -1;
        if (cls == CLASS_CJK) {
            run.count = 0;
            int j = i;
            for (;;) {
                rc = run_push(&run, folded, j, j + len);
                if (rc) break;
                j += len;
                /* Look past white space for the next CJK character. */
                int k = j;
                unsigned next = 0;
                int next_len = 0;
                enum char_class next_cls = CLASS_OTHER;
                while (k < bytes) {
                    next_len = decode(s, bytes, k, &next);
                    next = fold(next);
                    next_cls = classify(next);
                    if (next_cls != CLASS_SPACE) break;
                    k += next_len;
                }
                if (k < bytes && next_cls == CLASS_CJK) {
                    j = k;
                    len = next_len;
                    folded = next;
                    continue;
                }
                break;
            }
            if (rc == 0) rc = emit_run(&run, query, nothing_tokenized_after(s, bytes, j), context, callback);
            last_token = CLASS_CJK;
            i = j;
        } else if (cls == CLASS_WORD) {
            int n = 0;
            int start = i, end = i;
            while (i < bytes) {
                len = decode(s, bytes, i, &cp);
                folded = fold(cp);
                if (classify(folded) != CLASS_WORD) break;
                if (n + 4 <= PK_MAX_WORD) n += encode(folded, word + n);
                i += len;
                end = i;
            }
            rc = callback(context, 0, word, n, start, end);
            last_token = CLASS_WORD;
        } else {
            if (cls == CLASS_OTHER && other_start < 0) {
                other_start = i;
                other_end = i + len;
            }
            i += len;
        }
    }
    free(run.items);
    return rc;
}

size_t policykb_fold_capacity(int bytes) {
    /* Only characters of 3 bytes (U+0800..U+FFFF) can grow, by one byte each
       (to 4); characters of 1, 2 and 4 bytes fold to at most their own
       length, and undecodable bytes are dropped. Hence at most one extra
       byte per 3 bytes of input, plus room for the NUL and one spare
       character for the guard in the loop. */
    size_t n = bytes > 0 ? (size_t)bytes : 0;
    return n + n / 3 + 5;
}

char *policykb_fold(const char *text, int bytes, int *out_bytes, int **origins) {
    return policykb_fold_with(text, bytes, 0, out_bytes, origins);
}

char *policykb_fold_with(const char *text, int bytes, int flags, int *out_bytes, int **origins) {
    const int keep_script = (flags & POLICYKB_FOLD_KEEP_SCRIPT) != 0;
    const unsigned char *s = (const unsigned char *)text;
    if (bytes < 0) bytes = 0;
    /* Folding can lengthen UTF-8: a traditional character of 3 bytes may
       fold to a simplified one outside the BMP (4 bytes); see
       policykb_fold_capacity. */
    const size_t capacity = policykb_fold_capacity(bytes);
    char *out = malloc(capacity);
    int *from = origins ? malloc(sizeof(int) * capacity) : NULL;
    if (!out || (origins && !from)) {
        free(out);
        free(from);
        return NULL;
    }
    int n = 0;
    int last_was_cjk = 0; /* the last character written, spaces aside */
    int i = 0;
    while (i < bytes) {
        unsigned cp;
        int len = decode(s, bytes, i, &cp);
        unsigned folded = fold_char(cp, keep_script);
        enum char_class cls = classify(folded);
        if (cls == CLASS_SPACE) {
            /* Drop a stretch of white space next to a CJK character (on
               either side), as the tokenizer does; keep it otherwise. */
            int k = i;
            unsigned next = 0;
            enum char_class next_cls = CLASS_SPACE;
            while (k < bytes) {
                int next_len = decode(s, bytes, k, &next);
                next_cls = classify(fold_char(next, keep_script));
                if (next_cls != CLASS_SPACE) break;
                k += next_len;
            }
            if ((k < bytes && next_cls == CLASS_CJK) || (last_was_cjk && n > 0)) {
                i = k;
                continue;
            }
        }
        if (!(cp == 0xFFFD && len == 1 && s[i] >= 0x80)) {
            /* undecodable bytes stay out of the folded text */
            /* The bound holds for every character (a test checks each
               entry of the fold table); this keeps a future table honest. */
            if ((size_t)n + 4 >= capacity) break;
            int written = encode(folded, out + n);
            if (from) for (int k = 0; k < written; k++) from[n + k] = i;
            n += written;
        }
        if (cls != CLASS_SPACE) last_was_cjk = (cls == CLASS_CJK);
        i += len;
    }
    out[n] = 0;
    if (from) from[n] = bytes;
    if (out_bytes) *out_bytes = n;
    if (origins) *origins = from;
    return out;
}

void policykb_free(void *pointer) { free(pointer); }
