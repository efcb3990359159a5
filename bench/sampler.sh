#!/usr/bin/env bash
# Metric sampler cost: REST requests per job per tick and the app's CPU while sampling N running jobs every 15 s
# on a MiniCluster with the local cluster's configuration. Usage: bench/sampler.sh [jobs=20] [ticks=8] [interval=15]
# Last lines: figure<TAB>name<TAB>value<TAB>-<TAB>-<TAB>target (requests: the budget the run prints), for bench/all.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
opens=$(sed -n 's:.*<flink.jvm.opens>\(.*\)</flink.jvm.opens>.*:\1:p' pom.xml)
java -Xmx2g $opens -cp "target/classes:target/test-classes:$(cat target/bench.cp)" \
  io.streamdesk.bench.SamplerBenchmark "${1:-20}" "${2:-8}" "${3:-15}" 2>/dev/null \
  | grep -E '^(discovery|tick|requests|samples|app CPU|load|submitted 20)' | tee target/bench-sampler.txt
sed -n 's/^requests per job per tick: \([0-9.]*\) (budget 2 + vertices = \([0-9]*\)).*/\1 \2/p' target/bench-sampler.txt \
  | awk '{printf "figure\tsampler: REST requests per job per tick\t%s\t-\t-\t<= %s\n", $1, $2}'
sed -n 's/^app CPU while sampling.*: \([0-9.]*\)% of one core.*/\1/p' target/bench-sampler.txt \
  | awk '{printf "figure\tsampler: app CPU while sampling (%% of one core)\t%s\t-\t-\t-\n", $1}'
