#!/usr/bin/env bash
# The ledger's benchmarks and those added with it (rows 12-17 of BENCHMARKS.md), each beside its floor from the same run:
# bulk recording and draining on H2 and PostgreSQL (an embedded server started here), the main job
# on 100,000 rows without a ledger and through each database (on loopback three times each, beside
# each database's floor, and with PARS 50 ms away), and memory at 1,000,000 (beside the same rows
# without a ledger) and 2,000,000 rows. About 50 minutes on 2 cores. Called by run.sh; runs alone after a build:
#   mvn -B -q -DskipTests install -pl pars-benchmarks -am && pars-benchmarks/run-ledger.sh
# ONLY="13 14" runs only those rows (the report keeps the other rows' last results); row 13's
# runs with PARS 50 ms away are "13r" (one request in flight) and "13c" (eight).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=pars-benchmarks/target/results
mkdir -p "$OUT"
mvn -B -q -pl pars-benchmarks dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$PWD/$OUT/classpath.txt"
CP="$PWD/pars-benchmarks/target/classes:$(cat "$OUT/classpath.txt")"
PORT=18089
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null || true' EXIT

simulator() { # a fresh standalone simulator on $PORT; simulator 50: each request answered 50 ms later;
  # simulator 50 PORT: on another port (sets SIM all the same)
  local port=${2:-$PORT}
  java -Xmx4g -cp "$CP" org.parsjava.benchmarks.DemoSimulatorServer "$port" "${1:-0}" > "$OUT/simulator-$port.log" 2>&1 &
  SIM=$!; PIDS+=("$SIM")
  for _ in $(seq 1 100); do grep -q READY "$OUT/simulator-$port.log" && return; sleep 0.2; done
  echo "the simulator did not start" >&2; exit 1
}
postgres() { # a fresh embedded PostgreSQL server; sets PG_URL (admin URL, database postgres)
  java -cp "$CP" org.parsjava.benchmarks.PostgresServer 15432 > "$OUT/postgres.log" 2>&1 &
  PG=$!; PIDS+=("$PG")
  for _ in $(seq 1 300); do grep -q READY "$OUT/postgres.log" && break; sleep 0.2; done
  PG_URL=$(grep READY "$OUT/postgres.log" | awk '{print $2}')
  [ -n "$PG_URL" ] || { echo "PostgreSQL did not start" >&2; exit 1; }
}
want() { [ -z "${ONLY:-}" ] || [[ " $ONLY " == *" $1 "* ]]; }
stop() { kill "$@" 2>/dev/null || true; wait "$@" 2>/dev/null || true; }
[ -f "$OUT/ledger.key" ] || java -cp "$CP" org.parsjava.benchmarks.LedgerKeyFile "$OUT/ledger.key"
[ -f "$OUT/roster-100k.csv" ] || java -cp "$CP" org.parsjava.benchmarks.WriteRoster "$OUT/roster-100k.csv" 100000 20261120
[ -f "$OUT/roster-1m.csv" ] || java -cp "$CP" org.parsjava.benchmarks.WriteRoster "$OUT/roster-1m.csv" 1000000 20261120
[ -f "$OUT/roster-2m.csv" ] || java -cp "$CP" org.parsjava.benchmarks.WriteRoster "$OUT/roster-2m.csv" 2000000 20261120

report() { # report <result file> <heap> <roster> <ledger URL or none> [more options]
  local result=$1 heap=$2 roster=$3 ledger=$4; shift 4
  java "-Xmx$heap" -cp "$CP" org.parsjava.benchmarks.PeakHeapRun report "$roster" --ledger "$ledger" \
      --ledger-key-file "$OUT/ledger.key" --pars-url "http://127.0.0.1:$PORT/services/" --provider-id 0001234 \
      --provider-name "Benchmark Provider" --user simulator --password simulator-password \
      --report "$OUT/rows-to-fix.csv" "$@" > "$result.log" 2>&1
  grep -E "PEAK_HEAP_MB" "$result.log" | tee "$result"
}
floor() { # floor <result file> <ledger URL>: row 13's floor, the ledger-free job with the rows a ledger
  # writes for the 100,000-row roster (96,033 entries, 90,159 of them sent and settled) written beside it
  # with plain JDBC into the ledger's tables on that database
  local result=$1 ledger=$2
  java -Xmx256m -cp "$CP" org.parsjava.benchmarks.MainJobFloorRun "$ledger" "http://127.0.0.1:$PORT/services/" \
      96033 90159 report "$OUT/roster-100k.csv" --ledger none --pars-url "http://127.0.0.1:$PORT/services/" \
      --provider-id 0001234 --provider-name "Benchmark Provider" --user simulator --password simulator-password \
      --report "$OUT/rows-to-fix.csv" > "$result.log" 2>&1
  grep -E "PEAK_HEAP_MB|FLOOR_ROWS" "$result.log" | tee "$result"
}

if want 12; then
echo "== 12: recordAll and drain of 100,000 entries, H2 file and PostgreSQL, beside raw JDBC and no ledger;"
echo "   one node and two draining 20,000 through a simulator 50 ms away"
rm -f "$OUT/ledger-bulk.txt"
REMOTE_PORT=$((PORT + 1))
simulator 50 "$REMOTE_PORT"; FAR=$SIM; simulator
rm -rf "$OUT/bulk-h2" && mkdir -p "$OUT/bulk-h2"
java -Xmx512m -cp "$CP" org.parsjava.benchmarks.LedgerBulkRun "$OUT/ledger-bulk-h2.txt" h2 "$OUT/bulk-h2" \
    "http://127.0.0.1:$PORT/services/" 100000 "http://127.0.0.1:$REMOTE_PORT/services/" 50
stop "$SIM" "$FAR"; simulator 50 "$REMOTE_PORT"; FAR=$SIM; simulator; postgres
java -Xmx512m -cp "$CP" org.parsjava.benchmarks.LedgerBulkRun "$OUT/ledger-bulk-postgresql.txt" postgresql "$PG_URL" \
    "http://127.0.0.1:$PORT/services/" 100000 "http://127.0.0.1:$REMOTE_PORT/services/" 50
stop "$SIM" "$FAR" "$PG"
fi

if want 13; then
echo "== 13: the main job on 100,000 rows, -Xmx256m: no ledger, an H2 URL as a user writes it, PostgreSQL;"
echo "   each database's floor: the ledger-free job with the ledger's rows written beside it by plain JDBC"
# Three rounds, the five runs in the same order each time, so a drift in the host's speed weighs
# on each alike; the report takes each kind's median. The first round's ledgers are measured for storage.
for round in 1 2 3; do
  r=$([ "$round" = 1 ] && echo "" || echo "-r$round")
  simulator
  report "$OUT/mainjob-none$r.txt" 256m "$OUT/roster-100k.csv" none
  stop "$SIM"; simulator
  rm -rf "$OUT/mainjob-floor-h2"*.db
  floor "$OUT/mainjob-floor-h2$r.txt" "jdbc:h2:file:$PWD/$OUT/mainjob-floor-h2$r"
  stop "$SIM"; simulator
  rm -rf "$OUT/mainjob-h2"*.db
  report "$OUT/mainjob-h2$r.txt" 256m "$OUT/roster-100k.csv" "jdbc:h2:file:$PWD/$OUT/mainjob-h2$r"
  if [ "$round" = 1 ]; then
    echo "H2_FILE_BYTES=$(stat -c %s "$OUT/mainjob-h2.mv.db")" | tee -a "$OUT/mainjob-h2.txt"
    java -cp "$CP" org.parsjava.benchmarks.LedgerStorage "jdbc:h2:file:$PWD/$OUT/mainjob-h2" | tee -a "$OUT/mainjob-h2.txt"
  fi
  stop "$SIM"; simulator; postgres
  floor "$OUT/mainjob-floor-postgresql$r.txt" "$PG_URL"
  stop "$SIM" "$PG"; simulator; postgres
  report "$OUT/mainjob-postgresql$r.txt" 256m "$OUT/roster-100k.csv" "$PG_URL"
  if [ "$round" = 1 ]; then
    java -cp "$CP" org.parsjava.benchmarks.LedgerStorage "$PG_URL" | tee -a "$OUT/mainjob-postgresql.txt"
  fi
  stop "$SIM" "$PG"
done
fi

remote() { # remote <result prefix> [options]: row 13's three runs with PARS 50 ms away
  local prefix=$1; shift
  simulator 50
  report "$OUT/$prefix-none.txt" 256m "$OUT/roster-100k.csv" none "$@"
  stop "$SIM"; simulator 50
  rm -rf "$OUT/$prefix-h2"*
  report "$OUT/$prefix-h2.txt" 256m "$OUT/roster-100k.csv" "jdbc:h2:file:$PWD/$OUT/$prefix-h2" "$@"
  stop "$SIM"; simulator 50; postgres
  report "$OUT/$prefix-postgresql.txt" 256m "$OUT/roster-100k.csv" "$PG_URL" "$@"
  stop "$SIM" "$PG"
}
if want 13r; then
echo "== 13: the same three runs with PARS 50 ms away (the simulator answers each request 50 ms late), one request in flight"
remote mainjob-remote
fi
if want 13c; then
echo "== 13: the same with eight requests in flight (--concurrency 8)"
remote mainjob-remote8 --concurrency 8
fi

if want 14; then
echo "== 14: 1,000,000 rows through the ledger at -Xmx128m, H2 and PostgreSQL, beside the same rows without a ledger"
simulator
report "$OUT/memory-1m-none.txt" 128m "$OUT/roster-1m.csv" none
stop "$SIM"; simulator
rm -rf "$OUT/memory-h2"*
report "$OUT/memory-1m-h2.txt" 128m "$OUT/roster-1m.csv" "jdbc:h2:file:$PWD/$OUT/memory-h2"
stop "$SIM"; simulator; postgres
report "$OUT/memory-1m-postgresql.txt" 128m "$OUT/roster-1m.csv" "$PG_URL"
if want 16; then # the dashboard on this PostgreSQL ledger while its server still runs
  echo "== 16: the dashboard's pages on the ledger just written (PostgreSQL, about 1,000,000 entries)"
  java -Xmx512m -cp "$CP" org.parsjava.benchmarks.DashboardRun "$OUT/dashboard-postgresql.txt" \
      "$PG_URL" "$OUT/ledger.key" "http://127.0.0.1:$PORT/services/"
fi
stop "$SIM" "$PG"
fi

if want 15; then
echo "== 15: the main job with its defaults (pars report --demo: embedded simulator, default H2 ledger), 2,000,000 rows, -Xmx160m"
rm -rf "$OUT/readme-run" && mkdir -p "$OUT/readme-run"
(cd "$OUT/readme-run" && PARS_DATA_DIR="$PWD/data" java -Xmx160m -cp "$CP" org.parsjava.benchmarks.PeakHeapRun \
    report "../roster-2m.csv" --demo --report rows-to-fix.csv > ../memory-readme-2m.txt.log 2>&1)
grep PEAK_HEAP_MB "$OUT/memory-readme-2m.txt.log" | tee "$OUT/memory-readme-2m.txt"
fi

if want 16; then
echo "== 16: the dashboard's pages on the ledger of row 14 (H2, about 1,000,000 entries; PostgreSQL is timed in row 14's run)"
simulator
# QUERY_CACHE_SIZE=0: H2 would answer a repeated request from its cache while nothing changes, which
# a ledger whose worker runs never sees.
java -Xmx512m -cp "$CP" org.parsjava.benchmarks.DashboardRun "$OUT/dashboard-h2.txt" \
    "jdbc:h2:file:$PWD/$OUT/memory-h2;QUERY_CACHE_SIZE=0" "$OUT/ledger.key" "http://127.0.0.1:$PORT/services/"
stop "$SIM"
fi

if want 17; then
echo "== 17: the 1,000,000-row roster read through RosterReader on FastCSV and on the hand-written parser it replaced"
java -Xmx256m -cp "$CP" org.parsjava.benchmarks.CsvRun "$OUT/csv.txt" "$OUT/roster-1m.csv"
fi

echo "== ledger report"
java -cp "$CP" org.parsjava.benchmarks.LedgerReport "$OUT" BENCHMARKS.md
