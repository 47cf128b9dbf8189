#include <stddef.h>
#include "policykb_script_fold.h"
#include "script_fold_table.h"

#define POLICYKB_FOLD_COUNT (sizeof(policykb_script_fold_pairs) / sizeof(policykb_script_fold_pairs[0]))

/// Binary search in the sorted pairs: about 12 comparisons. Code points below
/// the first traditional character (all ASCII and punctuation) return at once.
uint32_t policykb_fold_script(uint32_t c) {
    if (c < policykb_script_fold_pairs[0][0] || c > policykb_script_fold_pairs[POLICYKB_FOLD_COUNT - 1][0]) return c;
    size_t lo = 0, hi = POLICYKB_FOLD_COUNT;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        uint32_t key = policykb_script_fold_pairs[mid][0];
        if (key == c) return policykb_script_fold_pairs[mid][1];
        if (key < c) lo = mid + 1; else hi = mid;
    }
    return c;
}
