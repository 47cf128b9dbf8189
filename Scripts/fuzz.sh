#!/usr/bin/env bash
# Fuzzing for policykb with libFuzzer and AddressSanitizer (and UBSan for C).
#
#   Scripts/fuzz.sh [SECONDS]   build every target, replay its regressions,
#                               fuzz it for SECONDS (default 60)
#   Scripts/fuzz.sh --runs      the same with a fixed number of fuzzed inputs
#                               per target (10,000 queries, 1,000 bulletins,
#                               ...): "0 crashes in N runs"
#   Scripts/fuzz.sh --replay    build, then replay Fuzz/regressions only
#   Scripts/fuzz.sh --build     build only
#
# Targets (see Fuzz/README.md): tokenizer, rank (C); quantities, bulletin,
# query (Swift). Choose some with FUZZ_TARGETS="query bulletin".
#
# Environment: FUZZ_TARGETS; FUZZ_JOBS, processes at once (default: the
# number of cores); FUZZ_OPT, the Swift optimisation (-O by default; -Onone
# builds in a quarter of the time but fuzzes 3-5 times slower); FUZZ_OUT,
# the build and work directory (default .build-fuzz/fuzz, git-ignored);
# FUZZ_FLAGS, more libFuzzer flags.
#
# Exits non-zero when a target crashes, hangs (-timeout=10), goes over
# -rss_limit_mb=2048, breaks one of its invariants, or fails on a kept
# regression input. The input is left in $FUZZ_OUT/artifacts/<target>/;
# minimise it into Fuzz/regressions/<target>/ with
#   $FUZZ_OUT/bin/fuzz-<target> -minimize_crash=1 -runs=100000 \
#       -exact_artifact_path=Fuzz/regressions/<target>/<what-it-caught> <input>
#
# It builds with the Swift toolchain's clang and swiftc directly, not with
# SwiftPM (which would resolve Hummingbird and NIO, and cannot reach modules
# that are not products). The modules each target imports, and theirs, come
# from `swift package dump-package` (Fuzz/plan.py): C targets compiled with
# clang, Swift modules whole-module with swiftc, each once, instrumented,
# again only when one of its files, a module it imports or the flags
# changed; PolicykbMigrations gets an empty list of migrations (nothing here
# needs the schema). The build runs beside the fuzzing: a target starts as
# soon as its own binary is linked.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
toolchain="${TOOLCHAIN:-/opt/swift/usr/bin}"
[ -x "$toolchain/swiftc" ] || toolchain="$(dirname "$(command -v swiftc)")"
CLANG="$toolchain/clang"
SWIFTC="$toolchain/swiftc"
OUT="${FUZZ_OUT:-$root/.build-fuzz/fuzz}"
OPT="${FUZZ_OPT:--O}"
JOBS="${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 2)}"
read -r -a TARGETS <<<"${FUZZ_TARGETS:-tokenizer rank quantities bulletin query}"

mode=time
seconds=60
case "${1:-}" in
    --runs) mode=runs ;;
    --build) mode=build ;;
    --replay) mode=replay ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    "") ;;
    *[!0-9]*) echo "usage: $0 [SECONDS | --runs | --replay | --build]" >&2; exit 2 ;;
    *) seconds="$1" ;;
esac

# Per target: its source, libFuzzer's -max_len, fuzzed inputs in --runs mode.
# C targets link the C code of c_root and what it depends on; Swift targets
# the modules their source imports.
c_root=PolicykbFTS5
declare -A source=([tokenizer]=Fuzz/c/fuzz_tokenizer.c [rank]=Fuzz/c/fuzz_rank.c
                   [quantities]=Fuzz/swift/FuzzQuantities.swift [bulletin]=Fuzz/swift/FuzzBulletin.swift
                   [query]=Fuzz/swift/FuzzQuery.swift)
declare -A max_len=([tokenizer]=16384 [rank]=4096 [query]=4096 [bulletin]=65536 [quantities]=16384)
declare -A runs=([tokenizer]=100000 [rank]=10000 [query]=10000 [bulletin]=1000 [quantities]=10000)
for target in "${TARGETS[@]}"; do
    [ -n "${source[$target]:-}" ] || { echo "fuzz: no target $target (${!source[*]})" >&2; exit 2; }
done

mkdir -p "$OUT/obj" "$OUT/modules" "$OUT/bin" "$OUT/logs" "$OUT/ready"
rm -f "$OUT"/ready/*
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
# Swift's own crash backtracer trips ASan (a read in CrashHandlerLinux.cpp);
# libFuzzer prints the stack instead.
export SWIFT_BACKTRACE=enable=no

# Whether $1 is missing or older than any of the other files.
stale() {
    local output="$1"; shift
    [ -e "$output" ] || return 0
    local f
    for f in "$@"; do [ "$f" -nt "$output" ] && return 0; done
    return 1
}

# Writes $1 from stdin unless it holds that already (keeps its time).
write_if_changed() {
    local new="$1.new"
    cat >"$new"
    if cmp -s "$new" "$1" 2>/dev/null; then rm -f "$new"; else mv "$new" "$1"; fi
}

# MARK: the plan

manifest="$OUT/manifest.json"
if stale "$manifest" "$root/Package.swift"; then
    (cd "$root" && "$toolchain/swift" package --scratch-path "$OUT/manifest" dump-package) \
        >"$manifest.new" 2>"$OUT/logs/manifest.log" \
        || { echo "fuzz: swift package dump-package failed:" >&2; cat "$OUT/logs/manifest.log" >&2; exit 1; }
    mv "$manifest.new" "$manifest"
fi
plan() { PACKAGE_ROOT="$root" python3 "$root/Fuzz/plan.py" "$manifest" "$@"; }

# The C and system-library targets: include paths and module maps for all.
c_flags=(-std=gnu11 -g -O1 -fno-omit-frame-pointer -fno-sanitize-recover=all)
swift_flags=(-swift-version 6 -parse-as-library "$OPT" -gline-tables-only -sanitize=fuzzer,address -I "$OUT/modules")
native_headers=()
while IFS=$'\t' read -r kind name dir _ _; do
    if [ "$kind" = system ]; then
        swift_flags+=(-I "$dir")
        native_headers+=("$dir"/*)
        continue
    fi
    c_flags+=(-I "$dir/include" -I "$dir")
    swift_flags+=(-Xcc "-I$dir/include")
    mapfile -t -O "${#native_headers[@]}" native_headers < <(find "$dir" -name '*.h')
    if [ -e "$dir/include/module.modulemap" ]; then
        swift_flags+=(-I "$dir/include")
    else
        # As SwiftPM makes one for include/.
        mkdir -p "$OUT/modules/$name"
        printf 'module %s {\n    umbrella "%s"\n    export *\n}\n' "$name" "$dir/include" \
            | write_if_changed "$OUT/modules/$name/module.modulemap"
        swift_flags+=(-I "$OUT/modules/$name")
    fi
done < <(plan native)
echo "$CLANG ${c_flags[*]}" | write_if_changed "$OUT/obj/flags-c"
echo "$SWIFTC ${swift_flags[*]} $("$SWIFTC" --version 2>&1 | head -1)" | write_if_changed "$OUT/obj/flags-swift"

# The modules of this package a Swift file imports.
imports_of() { sed -nE 's/^(@[A-Za-z_]+ )*import +([A-Za-z_][A-Za-z0-9_]*).*/\2/p' "$1" | sort -u; }

# MARK: build

declare -A done_module=()
closure_objects=()

# One C target: every .c file under its directory.
build_c_target() {
    local name="$1" dir="$2" file object
    while IFS= read -r file; do
        object="$OUT/obj/c/$name/$(basename "$file" .c).o"
        if [ -z "${done_module[$object]:-}" ]; then
            if stale "$object" "$file" "${native_headers[@]}" "$OUT/obj/flags-c"; then
                mkdir -p "$(dirname "$object")"
                "$CLANG" "${c_flags[@]}" -fsanitize=fuzzer-no-link,address,undefined -c "$file" -o "$object"
                echo "  $name/$(basename "$file")"
            fi
            done_module[$object]=1
        fi
        closure_objects+=("$object")
    done < <(find "$dir" -name '*.c' | sort)
}

# One Swift module, whole-module, into obj/NAME.o and modules/NAME.swiftmodule.
build_swift_module() {
    local name="$1" dir="$2" deps="$3" extra="$4"
    closure_objects+=("$OUT/obj/$name.o")
    [ -z "${done_module[$name]:-}" ] || return 0
    local sources=()
    mapfile -t sources < <(find "$dir" -name '*.swift' | sort)
    if [ "$extra" = migrations ]; then
        printf '%s\n' '// Fuzzing builds embed no migrations (Scripts/fuzz.sh).' \
            'let embeddedMigrationFiles: [(version: Int, name: String, sql: String, checksum: String)] = []' \
            | write_if_changed "$OUT/obj/$name-EmbeddedMigrations.swift"
        sources+=("$OUT/obj/$name-EmbeddedMigrations.swift")
    fi
    local inputs=("${sources[@]}" "${native_headers[@]}" "$OUT/obj/flags-swift") dep
    for dep in ${deps//,/ }; do [ -e "$OUT/modules/$dep.swiftmodule" ] && inputs+=("$OUT/modules/$dep.swiftmodule"); done
    if stale "$OUT/obj/$name.o" "${inputs[@]}"; then
        local start=$SECONDS
        rm -f "$OUT/obj/$name.o"
        "$SWIFTC" "${swift_flags[@]}" -wmo -module-name "$name" \
            -emit-module -emit-module-path "$OUT/modules/$name.swiftmodule" \
            -c -o "$OUT/obj/$name.o" "${sources[@]}" >"$OUT/logs/build-$name.log" 2>&1 || true
        if [ ! -e "$OUT/obj/$name.o" ]; then
            echo "fuzz: building $name failed (log $OUT/logs/build-$name.log):" >&2
            grep -E 'error:' -A3 "$OUT/logs/build-$name.log" | head -30 >&2
            return 1
        fi
        echo "  $name $((SECONDS - start))s"
    fi
    done_module[$name]=1
}

# Every module MODULE... needs, built; their objects in closure_objects.
build_closure() {
    closure_objects=()
    local kind name dir deps extra
    while IFS=$'\t' read -r kind name dir deps extra; do
        case "$kind" in
            c) build_c_target "$name" "$dir" || return 1 ;;
            swift) build_swift_module "$name" "$dir" "$deps" "$extra" || return 1 ;;
        esac
    done < <(plan closure "$@")
}

build_target() {
    local target="$1" file="$root/${source[$1]}" binary="$OUT/bin/fuzz-$1"
    if [[ "$file" == *.c ]]; then
        build_closure "$c_root" || return 1
        if stale "$binary" "$file" "${closure_objects[@]}" "${native_headers[@]}" "$OUT/obj/flags-c"; then
            "$CLANG" "${c_flags[@]}" -fsanitize=fuzzer,address,undefined -fuse-ld=lld \
                "$file" "${closure_objects[@]}" -lsqlite3 -lm -o "$binary"
            echo "  fuzz-$target"
        fi
    else
        # shellcheck disable=SC2046
        build_closure $(imports_of "$file") || return 1
        if stale "$binary" "$file" "${closure_objects[@]}" "$OUT/obj/flags-swift"; then
            rm -f "$binary"
            # lld: gold warns "Cannot export local symbol" for every ASan routine.
            "$SWIFTC" "${swift_flags[@]}" -use-ld=lld -module-name "Fuzz_$target" "$file" "${closure_objects[@]}" \
                -lsqlite3 -o "$binary" >"$OUT/logs/build-fuzz-$target.log" 2>&1 || true
            [ -e "$binary" ] || { echo "fuzz: linking fuzz-$target failed:" >&2; grep -E 'error' -A3 "$OUT/logs/build-fuzz-$target.log" | head -30 >&2; return 1; }
            echo "  fuzz-$target"
        fi
    fi
}

# Builds every target, the ones with fewer modules first; marks each ready.
build_all() {
    local start=$SECONDS target rc=0 order=()
    mapfile -t order < <(for target in "${TARGETS[@]}"; do
        if [[ "${source[$target]}" == *.c ]]; then n=0
        else n=$(plan closure $(imports_of "$root/${source[$target]}") | grep -c '^swift' || true); fi
        echo "$n $target"
    done | sort -n -s | cut -d' ' -f2)
    for target in "${order[@]}"; do
        if build_target "$target"; then echo 0 >"$OUT/ready/$target"; else echo 1 >"$OUT/ready/$target"; rc=1; fi
    done
    echo "build: $((SECONDS - start))s (Swift $OPT)$( [ "$rc" = 0 ] || echo ', FAILED')"
    return "$rc"
}

builder_pid=
if [ "$mode" = build ] || [ "$mode" = replay ] || [ "$JOBS" -lt 2 ]; then
    build_all || { [ "$mode" = build ] && exit 1; }
    [ "$mode" = build ] && exit 0
else
    build_all &
    builder_pid=$!
fi

# MARK: replay and fuzz, one target per job

# The kept crash inputs of a target, each run once.
replay() {
    local target="$1" dir="$root/Fuzz/regressions/$1" inputs=()
    [ -d "$dir" ] && mapfile -t inputs < <(find "$dir" -type f ! -name '*.md' | sort)
    [ ${#inputs[@]} -gt 0 ] || return 0
    local log="$OUT/logs/replay-$target.log"
    if "$OUT/bin/fuzz-$target" -timeout=10 -rss_limit_mb=2048 "${inputs[@]}" >"$log" 2>&1; then
        printf '%-11s regressions: %d inputs pass\n' "$target" "${#inputs[@]}"
    else
        printf '%-11s regressions: FAIL on %s (log %s)\n' "$target" \
            "$(grep -E '^Running: ' "$log" | tail -1 | sed 's/Running: //')" "$log"
        grep -Eo 'ERROR: AddressSanitizer: [a-z-]+|runtime error: .{0,80}|invariant broken.{0,80}|Fatal error: .{0,100}' \
            "$log" | head -2 | sed 's/^/            /'
        return 1
    fi
}

fuzz() {
    local target="$1"
    local corpus="$OUT/corpus/$target" seeds="$root/Fuzz/corpus/$target" artifacts="$OUT/artifacts/$target/"
    local log="$OUT/logs/$target.log"
    mkdir -p "$corpus" "$artifacts"
    local limit=(-max_total_time="$seconds") extra=()
    if [ "$mode" = runs ]; then
        # -runs counts the first pass over the corpus too (a few inputs more
        # than its files): at least N fuzzed inputs after it, the count printed.
        local loaded
        loaded=$(find "$corpus" "$seeds" -type f 2>/dev/null | wc -l)
        limit=(-runs="$((runs[$target] + loaded + loaded / 20 + 16))")
    fi
    [ -f "$root/Fuzz/dict/$target.dict" ] && extra+=(-dict="$root/Fuzz/dict/$target.dict")
    [ -d "$seeds" ] && extra+=("$seeds")
    local start=$SECONDS rc=0
    # The work corpus first (libFuzzer adds to it), the seeds after it (read only).
    # shellcheck disable=SC2086
    "$OUT/bin/fuzz-$target" "${limit[@]}" -max_len="${max_len[$target]}" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$artifacts" -print_final_stats=1 ${FUZZ_FLAGS:-} "$corpus" "${extra[@]}" >"$log" 2>&1 || rc=$?
    local elapsed=$((SECONDS - start)) executed inited kept
    executed=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -1 || true)
    [ -n "$executed" ] || executed=$(grep -Eo '^#[0-9]+' "$log" | tail -1 | tr -d '#' || true)
    inited=$(grep -E '^#[0-9]+[[:space:]]+INITED' "$log" | grep -Eo '^#[0-9]+' | tr -d '#' | head -1 || true)
    kept=$(find "$corpus" -type f | wc -l)
    if [ "$rc" -eq 0 ]; then
        if [ "$mode" = runs ]; then
            printf '%-11s 0 crashes in %d fuzzed runs (after %s seed and corpus inputs), %ds, corpus %d\n' \
                "$target" "$((executed - ${inited:-0}))" "${inited:-0}" "$elapsed" "$kept"
        else
            printf '%-11s 0 crashes in %d runs, %ds (%d/s), corpus %d\n' \
                "$target" "${executed:-0}" "$elapsed" "$(( ${executed:-0} / (elapsed > 0 ? elapsed : 1) ))" "$kept"
        fi
        return 0
    fi
    local artifact what
    artifact=$(grep -Eo 'Test unit written to [^ ]+' "$log" | tail -1 | sed 's/Test unit written to //' || true)
    what=$(grep -Eo 'ERROR: AddressSanitizer: [a-z-]+|runtime error: .{0,80}|invariant broken.{0,80}|Fatal error: .{0,100}|ERROR: libFuzzer: (timeout|out-of-memory).{0,40}|ERROR: libFuzzer: deadly signal' "$log" | head -1 || true)
    [ -n "$what" ] || what="$(tail -1 "$log")"
    printf '%-11s CRASH after %s runs (%ds): %s\n' "$target" "${executed:-?}" "$elapsed" "$what"
    echo "            input: ${artifact:-?}"
    echo "            log:   $log"
    grep -E '^ *#[0-9]+ 0x[0-9a-f]+ in ' "$log" | "$toolchain/swift-demangle" --simplified \
        | grep -v -E 'compiler-rt|fuzzer::|__sanitizer|libswiftCore|_assertionFailure|libc\.so|csu/|LLVMFuzzerTestOneInput| in require\(' \
        | head -4 | sed -E 's/^ *#[0-9]+ 0x[0-9a-f]+ in /            at /'
    return 1
}

run_target() {
    local target="$1"
    while [ ! -e "$OUT/ready/$target" ]; do sleep 1; done
    if [ "$(cat "$OUT/ready/$target")" != 0 ]; then
        printf '%-11s not run: its build failed\n' "$target"
        return 1
    fi
    local rc=0
    replay "$target" || rc=1
    # Fuzzed even when a regression fails: other bugs show up too.
    if [ "$mode" != replay ]; then fuzz "$target" || rc=1; fi
    return "$rc"
}

case "$mode" in
    runs) echo "fuzzing ${TARGETS[*]}: a fixed number of runs each, $JOBS processes at once" ;;
    time) echo "fuzzing ${TARGETS[*]}: ${seconds}s each, $JOBS processes at once" ;;
    replay) echo "replaying Fuzz/regressions" ;;
esac
results="$OUT/logs/results"
rm -rf "$results"; mkdir -p "$results"
# The build takes a job of its own while it runs.
running=0
[ -n "$builder_pid" ] && running=1
for target in "${TARGETS[@]}"; do
    if [ "$running" -ge "$JOBS" ]; then wait -n || true; running=$((running - 1)); fi
    ( rc=0; run_target "$target" >"$results/$target" 2>&1 || rc=$?
      cat "$results/$target"; echo "$rc" >"$results/$target.rc" ) &
    running=$((running + 1))
done
wait || true
status=0
for target in "${TARGETS[@]}"; do
    [ "$(cat "$OUT/ready/$target" 2>/dev/null || echo 1)" = 0 ] || status=1
done
echo "summary:"
for target in "${TARGETS[@]}"; do
    sed 's/^/  /' "$results/$target"
    [ "$(cat "$results/$target.rc" 2>/dev/null || echo 1)" = 0 ] || status=1
done
echo "fuzz.sh: ${SECONDS}s in all, build included; $( [ "$status" = 0 ] && echo ok || echo FAILED)"
exit "$status"
