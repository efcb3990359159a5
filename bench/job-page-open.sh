#!/usr/bin/env bash
# Issue 14: opening a job page (2,000-line draft, 10 published versions, configuration) to interactive, as the shell
# builds it (JobPageOpenBenchmark: Monocle headless, software pipeline, the app's theme, style sheets and background
# executor); prints each open, the first (class loading, JIT) and the median of the later ones.
# Usage: bench/job-page-open.sh [opens=11]
# Last lines: figure<TAB>name<TAB>streamdesk_ms<TAB>-<TAB>-<TAB>target, for bench/all.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
opens=$(sed -n 's:.*<flink.jvm.opens>\(.*\)</flink.jvm.opens>.*:\1:p' pom.xml)
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
java -Xmx1g $opens -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k \
  -cp "target/classes:target/test-classes:$(cat target/bench.cp)" io.streamdesk.bench.JobPageOpenBenchmark "${1:-11}" \
  2>target/bench-job-page.err | grep -E '^(open|first|FX|load|figure)'
