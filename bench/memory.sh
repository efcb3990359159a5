#!/usr/bin/env bash
# Resident memory (VmRSS) of the idle app and of its local cluster child, sampled after the cluster is up and
# the app has idled. Usage: bench/memory.sh [idle-seconds]   (needs xvfb; starts its own display)
set -euo pipefail
cd "$(dirname "$0")/.."
idle=${1:-60}
mvn -q -o compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
opens=$(sed -n 's:.*<flink.jvm.opens>\(.*\)</flink.jvm.opens>.*:\1:p' pom.xml)
Xvfb :96 -screen 0 1600x1000x24 >/dev/null 2>&1 & xvfb=$!
data=$(mktemp -d)
DISPLAY=:96 java -Xmx1g -Dprism.order=sw $opens \
  -cp "target/classes:$(cat target/bench.cp)" io.streamdesk.Launcher --data-dir "$data" >/dev/null 2>&1 & app=$!
trap 'kill $app 2>/dev/null; sleep 5; kill $xvfb 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 120); do [ -f "$data/cluster/rest.url" ] && break; sleep 1; done
sleep "$idle"
child=$(cat "$data/cluster/pid")
rss() { awk '/VmRSS/ {printf "%.0f MiB", $2 / 1024}' "/proc/$1/status"; }
echo "app (idle ${idle}s):      $(rss $app)"
echo "local cluster child:  $(rss $child)"
