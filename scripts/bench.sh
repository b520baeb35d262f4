#!/usr/bin/env bash
# bench.sh measures the store at full size: it makes a database of 500,000
# deals for 200 sellers with `followup gen` on SQLite and on PostgreSQL, then
# runs the store's benchmarks on both and prints each operation's time for
# the store's method and for its bare queries, and their ratio.
#
#   bash scripts/bench.sh                             # 500,000 deals
#   FOLLOWUP_BENCH_DEALS=50000 bash scripts/bench.sh  # a smaller trial
#
# PostgreSQL is the server FOLLOWUP_TEST_POSTGRES names, or one started with
# scripts/pg.sh for the run. The databases live in a temporary folder (about
# 5 GB of disk for SQLite at full size) and on that server, and are removed
# at the end. BENCHTIME sets go test's -benchtime (default 2s).
set -euo pipefail
cd "$(dirname "$0")/.."

deals=${FOLLOWUP_BENCH_DEALS:-500000}
sellers=$((deals / 2500))
((sellers >= 1)) || sellers=1
work=$(mktemp -d "${TMPDIR:-/tmp}/followup-bench.XXXXXX")
pg_started="" pg_db="" pg_server=""

cleanup() {
	if [[ -n "$pg_db" ]]; then
		psql -q "$pg_server" -c "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" || true
	fi
	if [[ -n "$pg_started" ]]; then
		bash scripts/pg.sh stop "$pg_started" || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

echo "== build"
go build -o "$work/followup" ./cmd/followup

echo "== SQLite: $deals deals, $sellers sellers"
"$work/followup" --db "sqlite:$work/bench.db" gen --sellers "$sellers" --deals "$deals"
ls -l "$work/bench.db" | awk '{ printf "database file: %.1f GB\n", $5 / 1e9 }'
export FOLLOWUP_BENCH_SQLITE="sqlite:$work/bench.db"

echo "== PostgreSQL: $deals deals, $sellers sellers"
pg_server=${FOLLOWUP_TEST_POSTGRES:-}
if [[ -z "$pg_server" ]]; then
	if eval "$(bash scripts/pg.sh start)"; then
		pg_started=$FOLLOWUP_PG_DIR
		pg_server=$FOLLOWUP_TEST_POSTGRES
	else
		echo "no PostgreSQL: benchmarking SQLite only"
	fi
fi
if [[ -n "$pg_server" ]]; then
	pg_db="followup_bench_$$"
	psql -q "$pg_server" -c "CREATE DATABASE $pg_db"
	pg_url=$(echo "$pg_server" | sed -E "s#^(postgres(ql)?://[^/]*)/[^?]*#\1/$pg_db#")
	"$work/followup" --db "$pg_url" gen --sellers "$sellers" --deals "$deals"
	psql -Atq "$pg_url" -c "SELECT 'database size: ' ||
		round(pg_database_size(current_database()) / 1e9, 1) || ' GB'"
	export FOLLOWUP_BENCH_POSTGRES="$pg_url"
fi

echo "== benchmarks"
FOLLOWUP_BENCH_DEALS=$deals go test -run '^$' -bench '^BenchmarkStore$' \
	-benchtime "${BENCHTIME:-2s}" -count 1 ./sqlstore/ | tee "$work/bench.txt"

echo "== summary: milliseconds per operation"
awk '
/^BenchmarkStore\// {
	split($1, p, "/"); sub(/-[0-9]+$/, "", p[4])
	key = p[2] " " p[3]; ms = $3 / 1e6
	if (p[4] == "bare") bare[key] = ms; else store[key] = ms
	if (!(key in seen)) { seen[key] = 1; order[++n] = key }
}
END {
	printf "%-9s %-15s %10s %10s %8s\n", "engine", "operation", "bare", "store", "ratio"
	for (i = 1; i <= n; i++) {
		k = order[i]; split(k, e, " ")
		printf "%-9s %-15s %10.3f %10.3f %8.2f\n", e[1], e[2], bare[k], store[k],
			store[k] / bare[k]
	}
}' "$work/bench.txt"
