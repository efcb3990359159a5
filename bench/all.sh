#!/usr/bin/env bash
# Every figure of the project against its anchor, in one go (issue 14), and ONE table at the end: figure, StreamDesk,
# anchor, ratio, target, met. Runs each script under bench/ in turn (each builds what it needs with Maven, online
# the first time, so a fresh clone works), keeps each one's whole output in target/bench-all/<script>.log and
# collects its summary lines. Generates the data directory of 1,000 jobs and 100,000 events first (the generator of
# the start-up figures, io.streamdesk.bench.StartupData, through the real stores; cached under target/bench-data/,
# where bench/startup.sh and bench/memory.sh find it).
#
# Summary lines, the last lines of every script (anything else is ignored):
#   [figure<TAB>]name<TAB>streamdesk_value<TAB>anchor_value|-<TAB>ratio|-[<TAB>target]
# A target like "<= 1.0" or "< 16" applies to the ratio when the line has an anchor, else to the value; a line
# without a target gets the one of the issue below (start-up, memory), or none ("-": informational).
#
# Usage: bench/all.sh [--quick]       --quick skips the long ones (faults ~8 min, remote ~3 min, sampler ~3 min)
#   RUNS=5 (start-up, run, CLI run)   IDLE=60 (memory.sh idle seconds)   ONLY="diff job-list-filter" (a subset)
# Needs what the scripts need: xvfb x11-utils xdotool imagemagick libgtk-3-0 (start-up, memory), nginx-light
# apache2-utils openssl (remote); the whole run takes about 40 minutes on 2 cores (15 with --quick).
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
idle=${IDLE:-60}
quick=false
[ "${1:-}" = "--quick" ] && quick=true
out=target/bench-all
rm -rf "$out"
mkdir -p "$out"
echo "bench/all.sh on $(nproc) cores, load average at start: $(cut -d' ' -f1-3 /proc/loadavg) ($(date -u +%FT%TZ))"

# the 1,000-job data directory, once
jobs=${STARTUP_JOBS:-1000}
events=${STARTUP_EVENTS:-100000}
cache=target/bench-data/jobs${jobs}-events${events}
if ! mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >"$out/build.log" 2>&1; then
  echo "the build failed; see $out/build.log" >&2
  tail -20 "$out/build.log" >&2
  exit 1
fi
if [ -f target/test-classes/io/streamdesk/bench/StartupData.class ]; then
  if [ ! -f "$cache/.generated" ]; then
    rm -rf "$cache"
    echo "generating $cache (${jobs} jobs, ${events} events) ..."
    opens=$(sed -n 's:.*<flink.jvm.opens>\(.*\)</flink.jvm.opens>.*:\1:p' pom.xml)
    java $opens -cp "target/classes:target/test-classes:$(cat target/bench.cp)" io.streamdesk.bench.StartupData \
      "$cache" "$jobs" "$events" >"$out/data.log" 2>&1 || { echo "generating the data directory failed" >&2; tail "$out/data.log" >&2; }
    rm -rf "$cache/logs" "$cache/cluster"
  fi
else
  echo "no data generator (io.streamdesk.bench.StartupData) in this build: start-up and memory use their own data"
fi

long="sampler remote faults"
scripts=("startup $runs" "memory $idle" "run $runs" "cli-run $runs" "diff" "job-list-filter" "job-page-open"
         "chart-draw" "completion" "metric-store" "sampler" "remote $runs" "faults")
: >"$out/summary.tsv"
for entry in "${scripts[@]}"; do
  read -r name args <<<"$entry"
  if [ -n "${ONLY:-}" ] && [[ " $ONLY " != *" $name "* ]]; then continue; fi
  if $quick && [[ " $long " == *" $name "* ]]; then echo "-- bench/$name.sh skipped (--quick)"; continue; fi
  if [ ! -x "bench/$name.sh" ]; then echo "-- bench/$name.sh missing in this build"; continue; fi
  start=$(date +%s)
  echo "-- bench/$name.sh $args  (load $(cut -d' ' -f1-3 /proc/loadavg))"
  # shellcheck disable=SC2086
  bench/$name.sh $args >"$out/$name.log" 2>&1
  rc=$?
  lines=$(grep -P '\t' "$out/$name.log" | grep -v '^#' | sed "s/^/$name\t/")
  if [ -n "$lines" ]; then printf '%s\n' "$lines" >>"$out/summary.tsv"; fi
  echo "   exit $rc in $(( $(date +%s) - start )) s, $(printf '%s' "$lines" | grep -c . || true) figure(s); log: $out/$name.log"
  [ "$rc" -ne 0 ] && printf '%s\tFAILED\t%s\n' "$name" "$rc" >>"$out/summary.tsv"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
python3 - "$out/summary.tsv" <<'PY' | tee "$out/table.txt"
import re, sys
# targets of issue 14 for the lines that carry none (the start-up and memory scripts print four fields)
TARGETS = {
    "startup.window_mapped": ("process start -> main window mapped (vs bare JavaFX window)", "<= 1.1"),
    "startup.list_filled": ("process start -> job list filled, 1,000 jobs (vs bare window)", "<= 2.0"),
    "startup.list_filled_second_start": ("second start -> job list filled (vs bare window, warm)", "<= 1.5"),
    "memory.app_idle_rss_mib": ("idle RSS of the app, 1,000 jobs, a job page open (MiB)", "<= 300"),
    "memory.cluster_child_idle_rss_mib": ("idle RSS of the local cluster child, no job (MiB)", "<= 250"),
}
def num(s):
    try:
        return float(s.strip().rstrip("x%").replace(",", ""))
    except ValueError:
        return None
rows, failed = [], []
for raw in open(sys.argv[1]):
    f = raw.rstrip("\n").split("\t")
    script, f = f[0], f[1:]
    if f and f[0] == "FAILED":
        failed.append(f"{script} (exit {f[1]})")
        continue
    if f and f[0] == "figure":
        f = f[1:]
    if len(f) < 4 or f[0].startswith("#") or num(f[1]) is None:
        continue
    name, value, anchor, ratio = f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip()
    target = f[4].strip() if len(f) > 4 and f[4].strip() else "-"
    if name in TARGETS:
        name, t = TARGETS[name]
        target = target if target != "-" else t
    has_anchor = num(anchor) is not None and num(anchor) > 0
    if has_anchor and num(ratio) is None:
        ratio = f"{num(value) / num(anchor):.2f}"
    met = "-"
    m = re.match(r"\s*(<=|<|>=|>)\s*([\d.]+)", target)
    subject = num(ratio) if has_anchor else num(value)
    if m and subject is not None:
        op, bound = m.group(1), float(m.group(2))
        ok = {"<=": subject <= bound, "<": subject < bound, ">=": subject >= bound, ">": subject > bound}[op]
        met = "met" if ok else "NOT met"
    rows.append((name, value, anchor if has_anchor else "-", ratio if has_anchor else "-",
                 (target + ("x" if has_anchor and target != "-" else "")), met))
head = ("figure", "StreamDesk", "anchor", "ratio", "target", "met")
w = [max(len(r[i]) for r in rows + [head]) for i in range(6)]
fmt = "  ".join("{:<%d}" % w[0] if i == 0 else "{:>%d}" % w[i] for i in range(6))
print(fmt.format(*head))
print(fmt.format(*["-" * x for x in w]))
for r in rows:
    print(fmt.format(*r))
print(f"\n{sum(r[5] == 'met' for r in rows)} met, {sum(r[5] == 'NOT met' for r in rows)} not met, "
      f"{sum(r[5] == '-' for r in rows)} without a target")
if failed:
    print("scripts that failed (see target/bench-all/<script>.log): " + ", ".join(failed))
PY
