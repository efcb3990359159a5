#!/usr/bin/env bash
# E2 figures: JMH for one completion request with 10,000 tables of 20 columns in the metadata catalog (p50, p99 per
# scenario), and the index build a catalog refresh costs. Usage: bench/completion.sh
# Last lines: figure<TAB>name<TAB>streamdesk_ms<TAB>-<TAB>-<TAB>target (one frame, 16 ms), for bench/all.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -Pbench test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
cp="target/classes:target/test-classes:$(cat target/bench.cp)"
dir=target/bench-completion
mkdir -p "$dir"
java -cp "$cp" org.openjdk.jmh.Main 'CompletionBenchmark' -rf json -rff "$dir/jmh.json" \
  > "$dir/jmh.log" 2>&1 || { tail -30 "$dir/jmh.log"; exit 1; }
python3 - "$dir/jmh.json" <<'PY'
import json, sys
for b in json.load(open(sys.argv[1])):
    m = b["primaryMetric"]
    name = b["benchmark"].rsplit(".", 2)
    scenario = b.get("params", {}).get("scenario", "")
    line = f"{name[-2]}.{name[-1]} {scenario:<14} {b['mode']:<7} mean {m['score']:8.3f} ± {m['scoreError']:.3f} {m['scoreUnit']}"
    p = m.get("scorePercentiles", {})
    if b["mode"] == "sample":
        line += f"   p50 {p['50.0']:.3f}  p99 {p['99.0']:.3f}  p99.9 {p['99.9']:.3f}  max {p['100.0']:.3f} ms"
    print(line)
p99 = [b["primaryMetric"]["scorePercentiles"]["99.0"] for b in json.load(open(sys.argv[1]))
       if b["mode"] == "sample" and not b["benchmark"].endswith("build")]
if p99:
    open(sys.argv[1] + ".summary", "w").write(
        f"figure\tcompletion request, 10,000 tables (JMH p99, worst scenario)\t{max(p99):.2f}\t-\t-\t< 16\n")
PY
# the same requests one by one: wall time and the thread's CPU time (the tail without the waits for a core)
java -Xmx1g -cp "$cp" io.streamdesk.model.sql.completion.CompletionCpuTime 20000 | tee "$dir/cputime.txt"
echo "load average during the run: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
cat "$dir/jmh.json.summary" 2>/dev/null || true
sed -n 's/.*cpu p50 [0-9.]* p99 \([0-9.]*\).*/\1/p' "$dir/cputime.txt" | sort -n | tail -1 \
  | awk '{printf "figure\tcompletion request, thread CPU p99 (worst scenario)\t%s\t-\t-\t< 16\n", $1}'
