#!/usr/bin/env bash
# Run -> all tasks RUNNING: StreamDesk's RunService against Flink's own Table API from the same warm JVM, on one
# warm local cluster. Prints each run, the medians, the ratio and
# a summary line (figure<TAB>streamdesk_ms<TAB>anchor_ms<TAB>ratio<TAB>target) for bench/all.sh. Usage: bench/run.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
opens=$(sed -n 's:.*<flink.jvm.opens>\(.*\)</flink.jvm.opens>.*:\1:p' pom.xml)
java -Xmx1g $opens -cp "target/classes:target/test-classes:$(cat target/bench.cp)" \
  io.streamdesk.bench.RunBenchmark "${1:-5}" 2>/dev/null | grep -E '^(run|median|ratio|figure)'
