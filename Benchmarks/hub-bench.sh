#!/usr/bin/env bash
# The team hub's benchmark, every figure from one run on one corpus, so that
# the ratios compare like with like (Docs/PERFORMANCE.md, "Hub"):
#   1. a local ingest of the corpus into one file;
#   2. push of that file to an empty hub, by one pusher and by four at once
#      (to another): rows per second, peak memory;
#   3. pull of the whole hub into a new file, against the ingest;
#   4. search: the same queries through `policykb search` (a process each,
#      start-up included) and policykb_search in psql (one session, \timing).
#
# Usage: Benchmarks/hub-bench.sh WORKDIR [MB] [QUERIES]
#   WORKDIR  a scratch folder (the corpus is kept there and reused)
#   MB       corpus size for policykb-corpus (default 250: about 100,000 articles)
#   QUERIES  search queries (default 60)
# Needs: release builds (swift build -c release; BIN=DIR for another folder), PostgreSQL 15 (a throw-away
# cluster is started in WORKDIR as in .ci/run), python3, GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
work="$(mkdir -p "$1" && cd "$1" && pwd)"
mb="${2:-250}"
queries="${3:-60}"
bin="${BIN:-$root/.build/release}"
for program in policykb policykb-hub $([ -d "$work/corpus" ] || echo policykb-corpus); do
    [ -x "$bin/$program" ] || { echo "hub-bench: $bin/$program is missing: swift build -c release" >&2; exit 1; }
done

now() { date +%s.%N; }
elapsed() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$2"; }
# Runs a command with its output to the file $1 and prints its peak
# resident memory in MB (GNU time's %M is in KB).
peak() { local out="$1"; shift; /usr/bin/time -f "%M" -o "$work/time.out" "$@" > "$out"; echo $(( $(tail -1 "$work/time.out") / 1024 )); }

# A throw-away PostgreSQL 15, as .ci/run starts it (as another user when root).
pg_bin=/usr/lib/postgresql/15/bin
pg_dir="$work/pg"
rm -rf "$pg_dir"
mkdir -p "$pg_dir"
as_pg() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
    id -u policykb-ci >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin policykb-ci
    chown policykb-ci "$pg_dir"
    as_pg() { runuser -u policykb-ci -- "$@"; }
fi
(cd "$pg_dir" && as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U policykb --auth=trust -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log")
(cd "$pg_dir" && as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
    -o "-k $pg_dir -c listen_addresses='' -c fsync=off" start >/dev/null)
trap 'cd / && as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null' EXIT
base="postgresql:///postgres?host=$pg_dir&user=policykb"
hub() { echo "postgresql:///$1?host=$pg_dir&user=policykb"; }
for name in one four; do psql -Xq "$base" -c "CREATE DATABASE $name"; done

# 1. The corpus, ingested into one file (both kept in WORKDIR: a rerun
#    reuses them and the ingest's time, recorded in kb.seconds).
if [ ! -d "$work/corpus" ]; then "$bin/policykb-corpus" --out "$work/corpus" --mb "$mb" >/dev/null; fi
rm -rf "$work"/team.sqlite*
if [ ! -f "$work/kb.seconds" ]; then
    rm -f "$work"/kb.sqlite*
    t0=$(now)
    peak "$work/ingest.out" "$bin/policykb" ingest --db "$work/kb.sqlite" "$work/corpus" > "$work/kb.rss"
    elapsed "$t0" "$(now)" > "$work/kb.seconds"
fi
ingest=$(cat "$work/kb.seconds")
rss_ingest=$(cat "$work/kb.rss" 2>/dev/null || echo "?")
articles=$(sqlite3 "$work/kb.sqlite" "SELECT count(*) FROM articles")

# 2. Push of the file to an empty hub by one pusher, then by four at once
#    (the same file from four processes, the case of machines with
#    overlapping folders: each starts at a place of its own).
t0=$(now)
rss1=$(peak "$work/push1.out" "$bin/policykb-hub" push "$(hub one)" --db "$work/kb.sqlite" --quiet)
push1=$(elapsed "$t0" "$(now)")
rows1=$(grep -o '[0-9]* rows' "$work/push1.out" | grep -o '[0-9]*')
t0=$(now)
for q in 0 1 2 3; do "$bin/policykb-hub" push "$(hub four)" --db "$work/kb.sqlite" --quiet > "$work/push4-$q.out" & done
wait
push4=$(elapsed "$t0" "$(now)")
rows4=$(cat "$work"/push4-*.out | grep -o '[0-9]* rows' | grep -o '[0-9]*' | paste -sd+ | bc)
same=$(for h in one four; do psql -XAt "$(hub $h)" -c "SELECT (SELECT count(*) FROM articles) || '/' || (SELECT count(*) FROM goals) || '/' || (SELECT sum(id % 1000003) FROM goals)"; done | uniq | wc -l)
psql -XAtq "$(hub one)" -c "ANALYZE"

# 3. Pull of the whole hub into a new file.
t0=$(now)
rss_pull=$(peak "$work/pull.out" "$bin/policykb-hub" pull "$(hub one)" --db "$work/team.sqlite" --quiet)
pull=$(elapsed "$t0" "$(now)")

# 4. Search: the same queries both ways, 20 results each.
python3 - "$work/kb.sqlite" "$queries" > "$work/queries.txt" <<'EOF'
import random, re, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
count = int(sys.argv[2])
rng = random.Random(24)
ids = [row[0] for row in db.execute("SELECT id FROM articles")]
han = re.compile(r"[\u4e00-\u9fff]+")
queries = []
while len(queries) < count:
    body = db.execute("SELECT body FROM articles WHERE id = ?", (rng.choice(ids),)).fetchone()[0]
    runs = [run for run in han.findall(body) if len(run) >= 2]
    if not runs:
        continue
    run = rng.choice(runs)
    length = 1 + len(queries) % 6
    start = rng.randrange(max(1, len(run) - length + 1))
    term = run[start:start + length]
    kind = len(queries) % 10
    if kind == 7 and queries:
        term = f"({queries[-1]} OR {term})"
    elif kind == 8 and queries:
        term = f"{term} -{queries[-2]}"
    queries.append(term)
print("\n".join(queries))
EOF
: > "$work/cli.ms"
while IFS= read -r query; do
    t0=$(now)
    "$bin/policykb" search --db "$work/kb.sqlite" --limit 20 --format csv -- "$query" > /dev/null
    python3 -c "print(($(now) - $t0) * 1000)" >> "$work/cli.ms"
done < "$work/queries.txt"
python3 - "$work/queries.txt" > "$work/queries.sql" <<'EOF'
import sys
print("\\timing on")
for query in open(sys.argv[1], encoding="utf-8").read().splitlines():
    print("SELECT count(*) FROM policykb_search('" + query.replace("'", "''") + "', 20);")
EOF
psql -XAtq "$(hub one)" -f "$work/queries.sql" | grep -o 'Time: [0-9.]*' | grep -o '[0-9.]*' > "$work/pg.ms"
# The previous policykb_search (Migrations/postgres/0002_search.sql, which had
# no parentheses) in a schema of its own, on the queries it reads: before
# and after in the same run.
psql -XAtq "$(hub one)" -c "CREATE SCHEMA before"
PGOPTIONS="-c search_path=before,public" psql -XAtq "$(hub one)" -f "$root/Migrations/postgres/0002_search.sql"
grep -v '(' "$work/queries.txt" > "$work/queries-simple.txt" || true
python3 - "$work/queries-simple.txt" > "$work/queries-before.sql" <<'EOF2'
import sys
# The old function's helpers are found by name: its schema comes first
# (the helpers both versions share are the same).
print("SET search_path = before, public;")
print("\\timing on")
for query in open(sys.argv[1], encoding="utf-8").read().splitlines():
    q = query.replace("'", "''")
    print(f"SELECT count(*) FROM before.policykb_search('{q}', 20);")
    print(f"SELECT count(*) FROM public.policykb_search('{q}', 20);")
EOF2
psql -XAtq "$(hub one)" -f "$work/queries-before.sql" | grep -o 'Time: [0-9.]*' | grep -o '[0-9.]*' > "$work/both.ms"

python3 - "$work" "$articles" "$ingest" "$push1" "$rows1" "$rss1" "$push4" "$rows4" "$pull" "$rss_pull" "$same" "$rss_ingest" <<'EOF'
import statistics, sys
work, articles, ingest, push1, rows1, rss1, push4, rows4, pull, rss_pull, same, rss_ingest = sys.argv[1:]
articles, rows1, rows4 = int(articles), int(rows1), int(rows4)
ingest, push1, push4, pull = float(ingest), float(push1), float(push4), float(pull)
def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]
cli = [float(x) for x in open(f"{work}/cli.ms")]
pg = [float(x) for x in open(f"{work}/pg.ms")]
print(f"{articles:,} articles; queries: {len(cli)} (CLI), {len(pg)} (PostgreSQL); hubs equal: {'yes' if same == '1' else 'NO'}\n")
print("| run | wall clock | rate | ratio |")
print("|---|---|---|---|")
print(f"| local ingest of the corpus (peak {rss_ingest} MB) | {ingest:.0f} s | {articles / ingest:,.0f} articles/s | 1 |")
print(f"| push, one pusher (peak {rss1} MB) | {push1:.0f} s | {rows1 / push1:,.0f} rows/s ({rows1:,} rows) | {push1 / ingest:.2f}× the ingest's time |")
print(f"| push, four pushers of the same file at once | {push4:.0f} s | {rows1 / push4:,.0f} rows/s (rows in the hub; {rows4:,} sent) | {push1 / push4:.2f}× one pusher's rate |")
print(f"| pull of the whole hub (peak {rss_pull} MB) | {pull:.0f} s | {articles / pull:,.0f} articles/s | {pull / ingest:.2f}× the ingest's time |")
print()
print("| search, 20 results | p50 | p99 | mean |")
print("|---|---|---|---|")
print(f"| `policykb search` (a process each) | {pct(cli, 50):,.0f} ms | {pct(cli, 99):,.0f} ms | {statistics.mean(cli):,.0f} ms |")
print(f"| `policykb_search` (psql) | {pct(pg, 50):,.0f} ms | {pct(pg, 99):,.0f} ms | {statistics.mean(pg):,.0f} ms |")
print(f"| ratio | {pct(pg, 50) / pct(cli, 50):.1f}× | {pct(pg, 99) / pct(cli, 99):.1f}× | {statistics.mean(pg) / statistics.mean(cli):.1f}× |")
both = [float(x) for x in open(f"{work}/both.ms")]
before, after = both[0::2], both[1::2]
if before and len(before) == len(after):
    print()
    print(f"| `policykb_search`, the {len(before)} queries without parentheses, alternating | p50 | p99 | mean |")
    print("|---|---|---|---|")
    print(f"| before (0002_search.sql) | {pct(before, 50):,.0f} ms | {pct(before, 99):,.0f} ms | {statistics.mean(before):,.0f} ms |")
    print(f"| after (0004_corrections_search.sql) | {pct(after, 50):,.0f} ms | {pct(after, 99):,.0f} ms | {statistics.mean(after):,.0f} ms |")
    print(f"| speed-up | {pct(before, 50) / pct(after, 50):.1f}× | {pct(before, 99) / pct(after, 99):.1f}× | {statistics.mean(before) / statistics.mean(after):.1f}× |")
EOF
