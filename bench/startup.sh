#!/usr/bin/env bash
# Start-up figure of the foundation issue: time from process start to an interactive main window, for
# StreamDesk and for a bare JavaFX window (one Label), alternating, under Xvfb. Prints each run and the medians.
# Usage: bench/startup.sh [runs]   (needs: apt-get install -y xvfb libgtk-3-0)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
cp="target/classes:target/test-classes:$(cat target/bench.cp)"
if [ -z "${DISPLAY:-}" ]; then
  Xvfb :97 -screen 0 1600x1000x24 >/dev/null 2>&1 & xvfb=$!
  trap 'kill $xvfb' EXIT
  export DISPLAY=:97
  sleep 1
fi
opens=$(sed -n 's:.*<flink.jvm.opens>\(.*\)</flink.jvm.opens>.*:\1:p' pom.xml)
data=$(mktemp -d)
measure() { # prints "shown ready": milliseconds from spawn to the SHOWN line and to the READY line (data open)
  local start out shown ready
  start=$(date +%s%3N)
  out=$("$@" 2>/dev/null || true)
  shown=$(sed -n 's/^SHOWN \([0-9]*\).*/\1/p' <<<"$out" | head -1)
  ready=$(sed -n 's/^READY \([0-9]*\).*/\1/p' <<<"$out" | head -1)
  echo "$(( shown - start )) $(( ${ready:-$shown} - start ))"
}
bare=(); app=(); ready=()
for i in $(seq "$runs"); do
  read -r b _ < <(measure java -Dprism.order=sw -cp "$cp" io.streamdesk.bench.BareWindow\$Main)
  read -r a r < <(measure java -Dprism.order=sw $opens -Dstreamdesk.exitWhenShown=true -cp "$cp" io.streamdesk.Launcher --data-dir "$data")
  echo "run $i: bare window ${b} ms, StreamDesk window ${a} ms (job list filled at ${r} ms)"
  bare+=("$b"); app+=("$a"); ready+=("$r")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
mb=$(median "${bare[@]}"); ma=$(median "${app[@]}")
echo "median bare window: ${mb} ms"
echo "median StreamDesk:  ${ma} ms"
echo "median StreamDesk with data open: $(median "${ready[@]}") ms"
awk -v a="$ma" -v b="$mb" 'BEGIN {printf "ratio StreamDesk / bare: %.2f\n", a / b}'
rm -rf "$data"
