#!/usr/bin/env bash
# Metric store on a real H2 file: ingest rate (7 days of 200 series at 15 s, tick batches; and one large batch),
# query of 7 days at 1 minute for 10 series, retention. Usage: bench/metric-store.sh
# Last lines: figure<TAB>name<TAB>value<TAB>-<TAB>-<TAB>- (no target in the spec: informational), for bench/all.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
java -Xmx1g -cp "target/classes:target/test-classes:$(cat target/bench.cp)" \
  io.streamdesk.bench.MetricStoreBenchmark 2>/dev/null | grep -E '^(ingest|query|retention)' | tee target/bench-metric-store.txt
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
sed -n 's/^ingest (tick batches.* = \([0-9]*\) samples\/s.*/\1/p' target/bench-metric-store.txt | head -1 \
  | awk '{printf "figure\tmetric store: ingest in tick batches (samples/s, more is better)\t%s\t-\t-\t-\n", $1}'
sed -n 's/^query 7 days.*: median \([0-9.]*\) ms.*/\1/p' target/bench-metric-store.txt | head -1 \
  | awk '{printf "figure\tmetric store: query 7 days at 1 minute, 10 series (median)\t%s\t-\t-\t-\n", $1}'
