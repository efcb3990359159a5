#!/usr/bin/env bash
# Idle resident memory (VmRSS) of the app and of its local cluster child (issue 14): the app on a copy of the cached
# data directory with 1,000 jobs and 100,000 events (bench/startup.sh's, generated once through the real stores), one
# job page open (the window state names it as the last open job, so the start reopens it as for a user), the local
# cluster up with no job; sampled after the app has idled. Also the child's RSS with no job. Under its own Xvfb.
# The screen at the sample is saved as target/bench/memory-job-page.png (check the job page is open).
# Usage: bench/memory.sh [idle-seconds]   (needs xvfb, x11-utils, imagemagick for the screenshot)
# Last lines: figure<TAB>streamdesk_mib<TAB>-<TAB>- (no anchor), for bench/all.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
idle=${1:-60}
jobs=${STARTUP_JOBS:-1000}
events=${STARTUP_EVENTS:-100000}
out=target/bench
mkdir -p "$out"
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
mvn -q -B dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/app.cp >/dev/null
opens=$(sed -n 's:.*<flink.jvm.opens>\(.*\)</flink.jvm.opens>.*:\1:p' pom.xml)
app_opts=$(sed -n 's:.*<app.jvm.options>\(.*\)</app.jvm.options>.*:\1:p' pom.xml)
app_opts=${app_opts:--Xmx1g}
cache=target/bench-data/jobs${jobs}-events${events}
if [ ! -f "$cache/.generated" ]; then
  rm -rf "$cache"
  echo "generating $cache (once) ..."
  java $opens -cp "target/classes:target/test-classes:$(cat target/bench.cp)" io.streamdesk.bench.StartupData \
    "$cache" "$jobs" "$events" 2>&1 | grep -v '^\s*$' | tail -1
  rm -rf "$cache/logs" "$cache/cluster"
fi
data=$(mktemp -d)
cp -a "$cache/." "$data/"
h2=$(tr ':' '\n' <target/app.cp | grep '/h2-[0-9.]*\.jar$' | head -1)
job=$(java -cp "$h2" org.h2.tools.Shell -url "jdbc:h2:file:$data/db/streamdesk" -user sa \
  -sql "SELECT id FROM job ORDER BY created_at, id LIMIT 1" | sed -n 2p | tr -d ' ')
echo "job.lastOpen=$job" >>"$data/window.properties"

Xvfb :96 -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
sleep 1
# MEMORY_JAVA_OPTS adds options (e.g. -XX:NativeMemoryTracking=summary: the script then saves jcmd's summary)
DISPLAY=:96 java $app_opts ${MEMORY_JAVA_OPTS:-} -Dprism.order=sw $opens -cp "target/classes:$(cat target/app.cp)" \
  io.streamdesk.Launcher --data-dir "$data" >"$out/memory-app.out" 2>&1 & app=$!
trap 'kill $app 2>/dev/null; for _ in $(seq 60); do kill -0 $app 2>/dev/null || break; sleep 0.5; done; kill $xvfb 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 180); do [ -f "$data/cluster/rest.url" ] && break; sleep 1; done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); idling ${idle}s with job $job open"
sleep "$idle"
child=$(cat "$data/cluster/pid")
rss() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
DISPLAY=:96 import -window root "$out/memory-job-page.png" 2>/dev/null || true
a=$(rss "$app"); c=$(rss "$child")
if [[ ${MEMORY_JAVA_OPTS:-} == *NativeMemoryTracking* ]]; then
  jcmd "$app" VM.native_memory summary >"$out/memory-app-nmt.txt" 2>&1 || true
  jcmd "$app" GC.heap_info >>"$out/memory-app-nmt.txt" 2>&1 || true
fi
echo "app (idle ${idle}s, ${jobs} jobs, ${events} events, job page open): ${a} MiB"
echo "local cluster child (no job): ${c} MiB"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# figure	streamdesk_mib	anchor	ratio"
printf 'memory.app_idle_rss_mib\t%s\t-\t-\n' "$a"
printf 'memory.cluster_child_idle_rss_mib\t%s\t-\t-\n' "$c"
