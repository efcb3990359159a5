#!/usr/bin/env bash
# Remote session figures (issue 11) on a real standalone Flink 2.3.0 cluster behind nginx (TLS + basic auth between
# the client and nginx, plain HTTP from nginx to the JobManager), each cluster started once:
#  1. Run -> all tasks RUNNING: StreamDesk's RunService through the service graph over the registered remote cluster
#     (via nginx) against the same SQL compiled in this warm JVM and submitted by Flink's RestClusterClient straight
#     to the JobManager; warm-up, [runs] alternating runs, cancelled between; each time, the medians and the ratio.
#  2. REST requests per job per sampler tick over the remote session connection vs a MiniCluster with the local
#     cluster's configuration (same jobs, same sampler).
# Needs nginx (nginx-light), htpasswd (apache2-utils), openssl. About 3 minutes. Usage: bench/remote.sh [runs=5]
# Last lines: figure<TAB>name<TAB>streamdesk<TAB>anchor|-<TAB>ratio|-<TAB>-, for bench/all.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
mvn -q -B -Dstyle.color=never test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
opens=$(sed -n 's:.*<flink.jvm.opens>\(.*\)</flink.jvm.opens>.*:\1:p' pom.xml)
status=0
java -Xmx768m $opens -cp "target/classes:target/test-classes:$(cat target/bench.cp)" \
  io.streamdesk.bench.RemoteFiguresBenchmark "${1:-5}" 2>target/bench-remote.err \
  | grep -E '^(standalone|registered|run [0-9]|median|ratio|remote |local |requests|  /)' | tee target/bench-remote.txt \
  || status=$?
mo=$(sed -n 's/^median StreamDesk Run -> all tasks RUNNING on the remote cluster: \([0-9]*\) ms.*/\1/p' target/bench-remote.txt)
ma=$(sed -n 's/^median Flink client compile + submit -> all tasks RUNNING[^:]*: \([0-9]*\) ms.*/\1/p' target/bench-remote.txt)
if [ -n "$mo" ] && [ -n "$ma" ]; then
  awk -v a="$mo" -v b="$ma" 'BEGIN {printf "figure\tremote session: Run -> all tasks RUNNING (vs Flink RestClusterClient)\t%d\t%d\t%.2f\t-\n", a, b, a / b}'
fi
sed -n 's/^requests per job per tick: local \([0-9.]*\), remote \([0-9.]*\).*/\2 \1/p' target/bench-remote.txt \
  | awk '{printf "figure\tremote session: REST requests per job per tick (vs local)\t%s\t%s\t%.2f\t-\n", $1, $2, ($2 > 0 ? $1 / $2 : 0)}'
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$status" -ne 0 ]; then echo "failed; stderr in target/bench-remote.err" >&2; tail -20 target/bench-remote.err >&2; fi
exit "$status"
