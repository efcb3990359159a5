#!/usr/bin/env bash
# Canvas chart: 10 series x 10,080 points drawn, rendered and panned (Monocle headless, software pipeline).
# Usage: bench/chart-draw.sh
# Last line: figure<TAB>name<TAB>streamdesk_ms<TAB>-<TAB>-<TAB>target (MO5: under 100 ms), for bench/all.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
java -Xmx1g -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k \
  -cp "target/classes:target/test-classes:$(cat target/bench.cp)" \
  io.streamdesk.bench.ChartDrawBenchmark 2>/dev/null | grep -E '^chart' | tee target/bench-chart.txt
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
sed -n 's/.*draw + render median \([0-9.]*\) ms.*/\1/p' target/bench-chart.txt | head -1 \
  | awk '{printf "figure\tchart: 10 series x 10,080 points drawn + rendered (median)\t%s\t-\t-\t< 100\n", $1}'
