#!/usr/bin/env bash
# Metric store on a real H2 file: ingest rate (7 days of 200 series at 15 s, tick batches; and one large batch),
# query of 7 days at 1 minute for 10 series, retention. Usage: bench/metric-store.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
java -Xmx1g -cp "target/classes:target/test-classes:$(cat target/bench.cp)" \
  io.streamdesk.bench.MetricStoreBenchmark 2>/dev/null | grep -E '^(ingest|query|retention)'
