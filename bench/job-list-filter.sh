#!/usr/bin/env bash
# Issue 14: a filter keystroke in the job list with 1,000 jobs (JobListFilterBenchmark: the view model the table shows,
# filter then sort, and the rows a screen reads), JMH sample mode (p50, p99), then the same keystrokes one by one in
# wall and thread CPU time (FrameCpuTime). Usage: bench/job-list-filter.sh
# Last line: figure<TAB>name<TAB>streamdesk_ms<TAB>-<TAB>-<TAB>target, for bench/all.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -Pbench test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
cp="target/classes:target/test-classes:$(cat target/bench.cp)"
dir=target/bench-job-list
mkdir -p "$dir"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
java -cp "$cp" org.openjdk.jmh.Main 'JobListFilterBenchmark' -rf json -rff "$dir/jmh.json" \
  > "$dir/jmh.log" 2>&1 || { tail -30 "$dir/jmh.log"; exit 1; }
java -Xmx512m -cp "$cp" io.streamdesk.ui.FrameCpuTime 3000 2>/dev/null | grep JobListFilter || true
python3 - "$dir/jmh.json" <<'PY'
import json, sys
b = [b for b in json.load(open(sys.argv[1])) if b["benchmark"].endswith("filterKeystroke")][0]
m = b["primaryMetric"]
p = m["scorePercentiles"]
print(f"JobListFilterBenchmark.filterKeystroke sample mean {m['score']:.3f} ms   p50 {p['50.0']:.3f}  p99 {p['99.0']:.3f}"
      f"  max {p['100.0']:.3f} ms")
print(f"figure\tjob list with 1,000 jobs: a filter keystroke (JobListFilterBenchmark p99)\t{p['99.0']:.3f}\t-\t-\t< 16")
PY
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
