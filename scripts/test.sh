#!/usr/bin/env bash
# Runs every test of followup against the real parts it meets in use: a
# throwaway PostgreSQL cluster beside the embedded SQLite. It installs what a
# fresh machine lacks, so it is the one command CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== modules"
go mod download

echo "== PostgreSQL"
eval "$(bash scripts/pg.sh start)"
trap 'bash scripts/pg.sh stop "$FOLLOWUP_PG_DIR"' EXIT

echo "== vet"
go vet ./...

echo "== tests"
go test -count=1 ./...

echo "== benchmarks, once each (figures: see README, Measuring)"
go test -count=1 -run '^$' -bench . -benchtime 1x ./...

echo "== fuzzing (short runs; the seed corpora also run as tests above)"
go test -run '^$' -fuzz '^FuzzParse$' -fuzztime 15s ./notes/
go test -run '^$' -fuzz '^FuzzParsePlanTable$' -fuzztime 10s ./notes/
