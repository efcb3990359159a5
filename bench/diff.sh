#!/usr/bin/env bash
# V5 and E5 figures: JMH for the version comparison (two 10,000-line scripts, ~5% of lines changed, spread out,
# with inline character diffs) and for the editor's re-highlight after a keystroke in a 10,000-line script (p99:
# an ordinary keystroke, and a quote typed at the top, which changes the styles of the whole script: the FX thread's
# share per keystroke, the rest is restyled a chunk per frame); GNU diff timed on the same two files in the same run,
# alternating with StreamDesk's comparison in a warm JVM, and the ratio; the keystrokes again one by one in wall and thread CPU time (FrameCpuTime: on a loaded machine the
# wall-time tail is mostly waiting for a core).
# Usage: bench/diff.sh [diff-runs]
# Last lines: figure<TAB>name<TAB>streamdesk_ms<TAB>anchor_ms|-<TAB>ratio|-<TAB>target, for bench/all.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-50}
mvn -q -B -Pbench test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
cp="target/classes:target/test-classes:$(cat target/bench.cp)"
dir=target/bench-diff
java -cp "$cp" io.streamdesk.ui.compare.DiffBenchData "$dir"
echo "files: $(wc -l < $dir/left.sql) and $(wc -l < $dir/right.sql) lines;" \
  "GNU diff finds $(diff $dir/left.sql $dir/right.sql | grep -c '^[<>]') differing lines"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

java -cp "$cp" org.openjdk.jmh.Main 'DiffBenchmark|HighlightBenchmark' -rf json -rff "$dir/jmh.json" \
  > "$dir/jmh.log" 2>&1 || { tail -30 "$dir/jmh.log"; exit 1; }
python3 - "$dir/jmh.json" <<'PY'
import json, sys
for b in json.load(open(sys.argv[1])):
    m = b["primaryMetric"]
    name = b["benchmark"].rsplit(".", 2)
    line = f"{name[-2]}.{name[-1]:<26} {b['mode']:<7} mean {m['score']:8.2f} ± {m['scoreError']:.2f} {m['scoreUnit']}"
    p = m.get("scorePercentiles", {})
    if b["mode"] == "sample":
        line += f"   p50 {p['50.0']:.2f}  p99 {p['99.0']:.2f}  max {p['100.0']:.2f} ms"
    print(line)
PY
echo "load average after JMH: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
java -Xmx1g -cp "$cp" io.streamdesk.ui.FrameCpuTime 3000 | grep -v JobListFilter | tee "$dir/cputime.txt"

# GNU diff on the same files, alternating with StreamDesk's comparison in a warm JVM (DiffAlternating, one call per
# diff run), $runs rounds: wall time per run (diff's process start included, as a user would run it) and CPU time
# (diff: user + sys of the child; StreamDesk: the thread's CPU); medians. The JMH mean above is printed for reference.
python3 - "$runs" "$dir" "$cp" <<'PY'
import json, os, re, resource, statistics, subprocess, sys, time
runs, d, cp = int(sys.argv[1]), sys.argv[2], sys.argv[3]
sd = subprocess.Popen(["java", "-Xmx1g", "-cp", cp, "io.streamdesk.ui.compare.DiffAlternating"],
                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
assert sd.stdout.readline().strip() == "ready"
dw, dc, sw, sc = [], [], [], []
for i in range(runs):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(["diff", f"{d}/left.sql", f"{d}/right.sql"], stdout=subprocess.DEVNULL)
    dw.append((time.perf_counter() - t) * 1000)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    dc.append(((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)) * 1000)
    sd.stdin.write("go\n"); sd.stdin.flush()
    wall_ns, cpu_ns = map(int, sd.stdout.readline().split())
    sw.append(wall_ns / 1e6); sc.append(cpu_ns / 1e6)
sd.stdin.close(); sd.wait()
wall, cpu = statistics.median(dw), statistics.median(dc)
ours, ours_cpu = statistics.median(sw), statistics.median(sc)
results = json.load(open(f"{d}/jmh.json"))
def metric(name):
    return [b["primaryMetric"] for b in results if b["benchmark"].endswith(name)][0]
jmh = metric("DiffBenchmark.compare")["score"]
print(f"alternating, {runs} rounds: GNU diff wall median {wall:.2f} ms (process start included), CPU median {cpu:.2f} ms;"
      f" StreamDesk compare wall median {ours:.2f} ms, thread CPU median {ours_cpu:.2f} ms")
print(f"StreamDesk compare (JMH mean, lines + inline, earlier in the run): {jmh:.2f} ms")
print(f"ratio StreamDesk / GNU diff: {ours / wall:.2f} wall against wall, {ours_cpu / cpu:.2f} CPU against CPU")
print(f"figure\tcompare two 10,000-line versions, lines + inline (DiffBenchmark.compare vs GNU diff, alternating, wall)\t"
      f"{ours:.2f}\t{wall:.2f}\t{ours / wall:.2f}\t<= 1.0")
print(f"figure\tcompare two 10,000-line versions: CPU (thread CPU vs diff's user + sys, alternating)\t"
      f"{ours_cpu:.2f}\t{cpu:.2f}\t{ours_cpu / cpu:.2f}\t-")
quote = metric("HighlightBenchmark.quoteAtTop")["scorePercentiles"]["99.0"]
key = metric("HighlightBenchmark.keystrokeThenRehighlight")["scorePercentiles"]["99.0"]
print(f"figure\tkeystroke re-lexing the whole script, FX share (HighlightBenchmark.quoteAtTop p99)\t{quote:.2f}\t-\t-\t< 16")
print(f"figure\tordinary keystroke in 10,000 lines (HighlightBenchmark.keystrokeThenRehighlight p99)\t{key:.2f}\t-\t-\t< 16")
for line in open(f"{d}/cputime.txt"):
    m = re.search(r"cputime (\S+).*cpu p50 ([\d.]+) p99 ([\d.]+)", line)
    if m and m.group(1).endswith("quoteAtTop"):
        print(f"figure\tkeystroke re-lexing the whole script, FX thread CPU (quoteAtTop, thread CPU p99)\t{m.group(3)}\t-\t-\t< 16")
PY
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
