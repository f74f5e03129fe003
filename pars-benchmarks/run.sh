#!/usr/bin/env bash
# Builds and runs every pars-java benchmark on this machine and writes BENCHMARKS.md at the root.
# Sized for 2 cores: about 85 minutes (the ledger rows, run-ledger.sh, take about 50). Not part of the test command.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=pars-benchmarks/target/results
mkdir -p "$OUT"

echo "== build"
mvn -B -q -DskipTests -DskipReleaseArtifacts install -pl pars-benchmarks -am
mvn -B -q -pl pars-benchmarks dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$PWD/$OUT/classpath.txt"
CP="pars-benchmarks/target/classes:$(cat "$OUT/classpath.txt")"

echo "== 1-3: validation, encoding, decoding (JMH, 1 fork, 5x3s warm-up, 5x3s measured, GC profiler)"
java -cp "$CP" org.openjdk.jmh.Main 'ValidationBenchmark|CodecBenchmark' -f 1 -wi 5 -w 3s -i 5 -r 3s -foe true \
    -prof gc -rf json -rff "$OUT/micro.json"

echo "== 4: end to end, 100,000 completions over loopback (2 forks x single shots: 6 warm-up, 6 measured; fewer warm-ups leave the JIT mid-compile)"
java -cp "$CP" org.openjdk.jmh.Main EndToEndBenchmark -f 2 -wi 6 -i 6 -foe true -rf json -rff "$OUT/e2e.json"

echo "== 5: 1,000,000-row roster through ReportCompletions with -Xmx256m"
java -cp "$CP" org.parsjava.benchmarks.WriteRoster "$OUT/roster-1m.csv" 1000000 20261120
PORT=18089
java -Xmx4g -cp "$CP" org.parsjava.benchmarks.DemoSimulatorServer "$PORT" > "$OUT/simulator.log" 2>&1 &
SIM=$!
trap 'kill $SIM 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do grep -q READY "$OUT/simulator.log" && break; sleep 0.2; done
java -Xmx256m -cp "$CP" org.parsjava.benchmarks.PeakHeapRun report "$OUT/roster-1m.csv" --ledger none \
    --pars-url "http://127.0.0.1:$PORT/services/" --provider-id 0001234 --provider-name "Benchmark Provider" \
    --user simulator --password simulator-password --report "$OUT/rows-to-fix-1m.csv" | tee "$OUT/memory.txt"
kill $SIM; wait $SIM 2>/dev/null || true
trap - EXIT

echo "== 6: one submit under 50 ms per call, concurrency 1, 4, 8 (generated 20,000-row roster; 18,000 without duplicates)"
java -cp "$CP" org.parsjava.benchmarks.ThroughputRun "$OUT/throughput.txt"

echo "== 7: the 1,000,000-row roster again with --concurrency 8, -Xmx256m (a fresh simulator)"
java -Xmx4g -cp "$CP" org.parsjava.benchmarks.DemoSimulatorServer "$PORT" > "$OUT/simulator.log" 2>&1 &
SIM=$!
trap 'kill $SIM 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do grep -q READY "$OUT/simulator.log" && break; sleep 0.2; done
java -Xmx256m -cp "$CP" org.parsjava.benchmarks.PeakHeapRun report "$OUT/roster-1m.csv" --concurrency 8 --ledger none \
    --pars-url "http://127.0.0.1:$PORT/services/" --provider-id 0001234 --provider-name "Benchmark Provider" \
    --user simulator --password simulator-password --report "$OUT/rows-to-fix-1m-c8.csv" | tee "$OUT/memory-c8.txt"
kill $SIM; wait $SIM 2>/dev/null || true
trap - EXIT

echo "== 8: the README main job (embedded simulator) on 2,000,000 rows with -Xmx160m, without the ledger"
java -cp "$CP" org.parsjava.benchmarks.WriteRoster "$OUT/roster-2m.csv" 2000000 20261120
java -Xmx160m -cp "$CP" org.parsjava.benchmarks.PeakHeapRun report "$OUT/roster-2m.csv" --demo --ledger none \
    --report "$OUT/rows-to-fix-2m.csv" | tee "$OUT/memory-embedded-2m.txt"

echo "== 11: ACCME's learner Excel template, 100,000 completions written and read back, beside CSV reading, -Xmx256m"
java -Xmx256m -cp "$CP" org.parsjava.benchmarks.ExcelRun "$OUT/excel.txt" "$OUT/excel-work"

echo "== 12-15: the ledger"
pars-benchmarks/run-ledger.sh

echo "== report"
java -cp "$CP" org.parsjava.benchmarks.BenchmarkReport "$OUT" BENCHMARKS.md
java -cp "$CP" org.parsjava.benchmarks.LedgerReport "$OUT" BENCHMARKS.md
cat BENCHMARKS.md
