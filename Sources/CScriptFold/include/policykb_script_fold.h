#ifndef POLICYKB_SCRIPT_FOLD_H
#define POLICYKB_SCRIPT_FOLD_H
#include <stdint.h>
/// The simplified form of a traditional Chinese character, one code point to
/// one; any other code point is returned unchanged.
uint32_t policykb_fold_script(uint32_t c);
#endif
