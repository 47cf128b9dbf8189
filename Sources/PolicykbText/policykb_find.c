/*
 * Byte search for extraction's word tests. glibc's memmem (the two-way
 * algorithm, vectorised) is declared only with _GNU_SOURCE, which Swift's
 * Glibc module does not set; a first-byte scan is slow on CJK text, whose
 * UTF-8 lead bytes are few, so it stops at nearly every character.
 */
#define _GNU_SOURCE
#include <string.h>

#include "policykb_text.h"

long policykb_find(const unsigned char *haystack, long length, const unsigned char *needle, long needle_length) {
    if (needle_length <= 0) return 0;
    if (length < needle_length || haystack == NULL || needle == NULL) return -1;
    const unsigned char *hit = memmem(haystack, (size_t)length, needle, (size_t)needle_length);
    return hit ? (long)(hit - haystack) : -1;
}
