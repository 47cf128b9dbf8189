#!/usr/bin/env python3
"""Prints the SQL of policykb_fold_char_map: the character fold of
Sources/PolicykbText (full-width ASCII to ASCII, U+3000 to space, capitals of
ASCII, Latin-1, Greek and Cyrillic to small letters, traditional Chinese to
simplified from Sources/CScriptFold/script_fold_table.h) as the two strings
translate() takes. Used once to write Migrations/postgres/0002_search.sql;
HubSearchTests checks the SQL fold against the C one."""
import re, pathlib
root = pathlib.Path(__file__).resolve().parent.parent
table = (root / "Sources/CScriptFold/script_fold_table.h").read_text()
pairs = [(int(a, 16), int(b, 16)) for a, b in re.findall(r"\{0x([0-9A-F]+),0x([0-9A-F]+)\}", table)]
script = dict(pairs)

def fold_char(c):
    if 0xFF01 <= c <= 0xFF5E: c -= 0xFEE0
    elif c >= 0x3400: return script.get(c, c)
    elif c == 0x3000: c = 0x20
    if ord('A') <= c <= ord('Z'): return c + 32
    if c < 0xC0: return c
    if 0xC0 <= c <= 0xDE and c != 0xD7: return c + 32
    if 0x391 <= c <= 0x3AB and c != 0x3A2: return c + 32
    if 0x410 <= c <= 0x42F: return c + 32
    if 0x400 <= c <= 0x40F: return c + 80
    return c

domain = list(range(0x20, 0x3400)) + [0x3000] + list(range(0xFF01, 0xFF5F)) + [a for a, _ in pairs]
src, dst = [], []
for c in sorted(set(domain)):
    f = fold_char(c)
    if f != c:
        src.append(chr(c)); dst.append(chr(f))
def lit(s): return "'" + s.replace("'", "''") + "'"
print(f"-- {len(src)} characters")
print(f"translate(t, {lit(''.join(src))},\n    {lit(''.join(dst))})")
