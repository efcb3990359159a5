#!/usr/bin/env bash
# Metric sampler cost: REST requests per job per tick and the app's CPU while sampling N running jobs every 15 s
# on a MiniCluster with the local cluster's configuration. Usage: bench/sampler.sh [jobs=20] [ticks=8] [interval=15]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
opens=$(sed -n 's:.*<flink.jvm.opens>\(.*\)</flink.jvm.opens>.*:\1:p' pom.xml)
java -Xmx2g $opens -cp "target/classes:target/test-classes:$(cat target/bench.cp)" \
  io.streamdesk.bench.SamplerBenchmark "${1:-20}" "${2:-8}" "${3:-15}" 2>/dev/null \
  | grep -E '^(discovery|tick|requests|samples|app CPU|load|submitted 20)'
