#include <stddef.h>
#include <stdint.h>
#include "policykb_script_fold.h"
#include "script_fold_table.h"

#define POLICYKB_FOLD_COUNT (sizeof(policykb_script_fold_pairs) / sizeof(policykb_script_fold_pairs[0]))

/* The CJK block where nearly all traditional characters stand, as a flat
   table filled once at load: one array read per character, for the hot paths
   (the tokenizer folds every CJK character it reads; extraction and region
   detection fold every article). */
#define POLICYKB_FLAT_FIRST 0x3400u
#define POLICYKB_FLAT_END 0xA000u
static uint32_t policykb_flat[POLICYKB_FLAT_END - POLICYKB_FLAT_FIRST];

__attribute__((constructor)) static void policykb_fold_init(void) {
    for (uint32_t c = POLICYKB_FLAT_FIRST; c < POLICYKB_FLAT_END; c++) policykb_flat[c - POLICYKB_FLAT_FIRST] = c;
    for (size_t i = 0; i < POLICYKB_FOLD_COUNT; i++) {
        uint32_t key = policykb_script_fold_pairs[i][0];
        if (key >= POLICYKB_FLAT_FIRST && key < POLICYKB_FLAT_END) policykb_flat[key - POLICYKB_FLAT_FIRST] = policykb_script_fold_pairs[i][1];
    }
}

/// Other code points: a binary search in the sorted pairs (about 12 comparisons).
uint32_t policykb_fold_script(uint32_t c) {
    if (c >= POLICYKB_FLAT_FIRST && c < POLICYKB_FLAT_END) return policykb_flat[c - POLICYKB_FLAT_FIRST];
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

unsigned long policykb_script_fold_count(void) { return (unsigned long)POLICYKB_FOLD_COUNT; }

void policykb_script_fold_pair(unsigned long i, uint32_t *traditional, uint32_t *simplified) {
    if (i >= POLICYKB_FOLD_COUNT) { *traditional = *simplified = 0; return; }
    *traditional = policykb_script_fold_pairs[i][0];
    *simplified = policykb_script_fold_pairs[i][1];
}
