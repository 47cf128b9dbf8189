#!/usr/bin/env bash
# Builds the C code of policykb (the FTS5 extension, its ranking functions,
# the tokenizer and folding, the script-fold table: PolicykbFTS5 and the C
# targets it depends on, as Package.swift says) with AddressSanitizer and
# UndefinedBehaviorSanitizer around Fuzz/c/sanitize_test.c, and runs it. Any
# sanitizer report (-fno-sanitize-recover=all), leak or failed check exits
# non-zero.
#
#   Scripts/sanitize-c.sh
#
# Environment: CLANG (default: the Swift toolchain's, /opt/swift/usr/bin);
# SOURCES, another copy of Sources/ to test, e.g. with a fix reverted
# (the same target directories under it); OUT, the build directory
# (default .build-fuzz/sanitize-c, git-ignored).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
toolchain="${TOOLCHAIN:-/opt/swift/usr/bin}"
[ -x "$toolchain/swift" ] || toolchain="$(dirname "$(command -v swift)")"
CLANG="${CLANG:-$toolchain/clang}"
OUT="${OUT:-$root/.build-fuzz/sanitize-c}"
SOURCES="${SOURCES:-$root/Sources}"
mkdir -p "$OUT"

# The C targets: PolicykbFTS5 and what it depends on (Fuzz/plan.py).
manifest="$OUT/manifest.json"
if [ ! -e "$manifest" ] || [ "$root/Package.swift" -nt "$manifest" ]; then
    (cd "$root" && "$toolchain/swift" package --scratch-path "$OUT/manifest" dump-package) >"$manifest.new"
    mv "$manifest.new" "$manifest"
fi
includes=()
sources=()
while IFS=$'\t' read -r kind _ dir _ _; do
    [ "$kind" = c ] || continue
    dir="${dir/#$root\/Sources/$SOURCES}"
    includes+=(-I "$dir/include" -I "$dir")
    mapfile -t -O "${#sources[@]}" sources < <(find "$dir" -name '*.c' | sort)
done < <(PACKAGE_ROOT="$root" python3 "$root/Fuzz/plan.py" "$manifest" closure PolicykbFTS5)

# lld rather than the default gold, which warns "Cannot export local symbol"
# for every ASan report routine.
start=$SECONDS
"$CLANG" -std=gnu11 -Wall -Wextra -Werror=implicit-function-declaration \
    -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -g -O1 -fuse-ld=lld \
    "${includes[@]}" "$root/Fuzz/c/sanitize_test.c" "${sources[@]}" -lsqlite3 -lm -o "$OUT/sanitize_test"
echo "sanitize-c: built ${#sources[@]} files in $((SECONDS - start))s: ${sources[*]#"$SOURCES"/}"

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
"$OUT/sanitize_test"
