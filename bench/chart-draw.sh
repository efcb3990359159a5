#!/usr/bin/env bash
# Canvas chart: 10 series x 10,080 points drawn, rendered and panned (Monocle headless, software pipeline).
# Usage: bench/chart-draw.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
java -Xmx1g -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k \
  -cp "target/classes:target/test-classes:$(cat target/bench.cp)" \
  io.streamdesk.bench.ChartDrawBenchmark 2>/dev/null | grep -E '^chart'
