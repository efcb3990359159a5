#!/usr/bin/env bash
# Fault figures (issue 10): the app in its own JVM on the real local cluster, a probe comparing what its job list shows
# every 500 ms with the ground truth (Flink's REST API queried directly, whether the cluster child lives), while it
# injects kill -9 of the child, SIGSTOP/SIGCONT of the child, a job failing by division by zero, and SIGTERM of the app
# followed by a new start. Prints per fault and overall: samples, agreement, false Running, recovery, state resumed.
# Takes about 8 minutes. Usage: bench/faults.sh
# Last lines: figure<TAB>name<TAB>value<TAB>-<TAB>-<TAB>target, for bench/all.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
opens=$(sed -n 's:.*<flink.jvm.opens>\(.*\)</flink.jvm.opens>.*:\1:p' pom.xml)
java -Xmx512m $opens -Dsd.opens="$opens" -cp "target/classes:target/test-classes:$(cat target/bench.cp)" \
  io.streamdesk.bench.FaultBenchmark | tee target/bench-faults.txt
awk '$1 == "overall" {gsub("%", "", $3); printf "figure\tfaults: job list agrees with the truth (%% of samples)\t%s\t-\t-\t-\n", $3;
  printf "figure\tfaults: samples showing a false Running\t%s\t-\t-\t<= 0\n", $4}' target/bench-faults.txt
