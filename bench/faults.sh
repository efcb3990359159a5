#!/usr/bin/env bash
# Fault figures (issue 10): the app in its own JVM on the real local cluster, a probe comparing what its job list shows
# every 500 ms with the ground truth (Flink's REST API queried directly, whether the cluster child lives), while it
# injects kill -9 of the child, SIGSTOP/SIGCONT of the child, a job failing by division by zero, and SIGTERM of the app
# followed by a new start. Prints per fault and overall: samples, agreement, false Running, recovery, state resumed.
# Takes about 8 minutes. Usage: bench/faults.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
opens=$(sed -n 's:.*<flink.jvm.opens>\(.*\)</flink.jvm.opens>.*:\1:p' pom.xml)
java -Xmx512m $opens -Dsd.opens="$opens" -cp "target/classes:target/test-classes:$(cat target/bench.cp)" \
  io.streamdesk.bench.FaultBenchmark
