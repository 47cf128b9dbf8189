#ifndef POLICYKB_SCRIPT_FOLD_H
#define POLICYKB_SCRIPT_FOLD_H
#include <stdint.h>

/* Which characters are Chinese, decided once for the whole project: the
 * tokenizer (C), the number layer and the core (Swift) all ask here. */

/// A CJK ideograph: the Unified Ideographs (U+4E00-U+9FFF), Extension A
/// (U+3400-U+4DBF), the Extensions B and later in planes 2 and 3, the
/// Compatibility Ideographs (U+F900-U+FAFF), and 〇 (U+3007), which Chinese
/// writes as the digit zero.
static inline int policykb_is_han(uint32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x3FFFF)
        || (c >= 0xF900 && c <= 0xFAFF) || c == 0x3007;
}

/// A character the search tokenizer puts in CJK runs: the ideographs
/// above, 々 (U+3005), kana (U+3040-U+30FF, U+31F0-U+31FF) and Hangul
/// syllables (U+AC00-U+D7AF).
static inline int policykb_is_cjk_run(uint32_t c) {
    return policykb_is_han(c) || c == 0x3005 || (c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF)
        || (c >= 0xAC00 && c <= 0xD7AF);
}
/// The simplified form of a traditional Chinese character, one code point to
/// one; any other code point is returned unchanged.
uint32_t policykb_fold_script(uint32_t c);

/// The table itself, for tests that check a property of every entry: the
/// number of pairs, and the i-th (traditional, simplified) pair.
unsigned long policykb_script_fold_count(void);
void policykb_script_fold_pair(unsigned long i, uint32_t *traditional, uint32_t *simplified);
#endif
