#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include "policykb_script_fold.h"
#include "script_fold_table.h"

/* One bit per code point of the Basic Multilingual Plane: set for the
 * traditional characters of the table. The tokenizer folds every CJK
 * character it reads, nearly all of them not in the table, so a bit test
 * answers most calls without the binary search. Built once, on first use. */
static uint8_t policykb_fold_bmp_bits[0x10000 / 8];
static pthread_once_t policykb_fold_bits_once = PTHREAD_ONCE_INIT;

static void policykb_fold_build_bits(void) {
    for (size_t i = 0; i < sizeof(policykb_script_fold_pairs) / sizeof(policykb_script_fold_pairs[0]); i++) {
        uint32_t key = policykb_script_fold_pairs[i][0];
        if (key < 0x10000) policykb_fold_bmp_bits[key >> 3] |= (uint8_t)(1u << (key & 7));
    }
}

#define POLICYKB_FOLD_COUNT (sizeof(policykb_script_fold_pairs) / sizeof(policykb_script_fold_pairs[0]))

/// Binary search in the sorted pairs: about 12 comparisons. Code points below
/// the first traditional character (all ASCII and punctuation) return at once.
uint32_t policykb_fold_script(uint32_t c) {
    if (c < policykb_script_fold_pairs[0][0] || c > policykb_script_fold_pairs[POLICYKB_FOLD_COUNT - 1][0]) return c;
    if (c < 0x10000) {
        pthread_once(&policykb_fold_bits_once, policykb_fold_build_bits);
        if (!(policykb_fold_bmp_bits[c >> 3] & (1u << (c & 7)))) return c;
    }
    size_t lo = 0, hi = POLICYKB_FOLD_COUNT;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        uint32_t key = policykb_script_fold_pairs[mid][0];
        if (key == c) return policykb_script_fold_pairs[mid][1];
        if (key < c) lo = mid + 1; else hi = mid;
    }
    return c;
}
