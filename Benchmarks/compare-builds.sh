#!/usr/bin/env bash
# Compares two builds of policykb in one run, alternating them so that the
# machine's drift falls on both alike: ingest throughput and database and
# index sizes on a generated corpus, and the fixed cost of starting the
# command (--help, a search with no match).
#
#   Benchmarks/compare-builds.sh BEFORE/policykb AFTER/policykb [MB] [ROUNDS]
#
# The corpus comes from the AFTER build's policykb-corpus (beside it).
set -euo pipefail
before="$1"; after="$2"; mb="${3:-50}"; rounds="${4:-2}"
work="${WORK:-.build/compare}"
mkdir -p "$work"
corpus="$work/corpus-$mb"
if [ ! -d "$corpus" ]; then
    "$(dirname "$after")/policykb-corpus" --out "$corpus" --mb "$mb" >/dev/null
fi
files=$(find "$corpus" -name '*.txt' | wc -l)
bytes=$(du -sb "$corpus" | cut -f1)
echo "corpus: $files bulletins, $((bytes / 1000000)) MB"

ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
# An ingest that fails would only look fast: it must succeed.
ingest_ms() {
    local s e; s=$(date +%s%N)
    "$@" >/dev/null 2>"$work/ingest.err" || { echo "ingest failed: $*" >&2; cat "$work/ingest.err" >&2; exit 1; }
    e=$(date +%s%N); echo $(( (e - s) / 1000000 ))
}

declare -A seconds
for round in $(seq 1 "$rounds"); do
    for name in before after; do
        binary=${!name}
        db="$work/$name.sqlite"
        rm -f "$db" "$db-wal" "$db-shm"
        sync
        t=$(ingest_ms "$binary" ingest "$corpus" --db "$db" --quiet)
        seconds[$name]="${seconds[$name]:-} $t"
        size=$(stat -c %s "$db")
        index=$(sqlite3 "$db" "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'article_search%'")
        printf 'round %d %-6s ingest %6.1f s  %5.2f MB/s  database %4d MB  index %4d MB\n' "$round" "$name" \
            "$(echo "$t / 1000" | bc -l)" "$(echo "$bytes / 1000 / $t" | bc -l)" $((size / 1000000)) $((index / 1000000))
    done
done
for name in before after; do
    best=$(echo ${seconds[$name]} | tr ' ' '\n' | sort -n | head -1)
    echo "$name: best ingest $best ms"
done

# Start-up: the median of 21 alternating runs each.
for what in help nomatch; do
    declare -a tb=() ta=()
    for i in $(seq 1 21); do
        for name in before after; do
            binary=${!name}
            if [ $what = help ]; then t=$(ms "$binary" --help); else t=$(ms "$binary" search 没有这个词语 --db "$work/$name.sqlite"); fi
            if [ $name = before ]; then tb+=("$t"); else ta+=("$t"); fi
        done
    done
    mb_=$(printf '%s\n' "${tb[@]}" | sort -n | sed -n 11p); ma=$(printf '%s\n' "${ta[@]}" | sort -n | sed -n 11p)
    printf '%-8s before %3d ms  after %3d ms  (%.2f×)\n' "$what" "$mb_" "$ma" "$(echo "$ma / $mb_" | bc -l)"
done
