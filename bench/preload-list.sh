#!/usr/bin/env bash
# Regenerates app/src/main/resources/startup/preload-classes.txt: the classes StreamDesk loads before its window
# is shown that a bare JavaFX window does not, in load order. StartupPreloader loads them on a second thread while
# the toolkit starts. Run after large UI changes; needs xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
cp="target/classes:target/test-classes:$(cat target/bench.cp)"
opens=$(sed -n 's:.*<flink.jvm.opens>\(.*\)</flink.jvm.opens>.*:\1:p' pom.xml)
Xvfb :95 -screen 0 1600x1000x24 >/dev/null 2>&1 & xvfb=$!
tmp=$(mktemp -d)
trap 'kill $xvfb; rm -rf "$tmp"' EXIT
export DISPLAY=:95
sleep 1
java -Xlog:class+load=info:file="$tmp/app.log":tm -Dprism.order=sw $opens -Dstreamdesk.exitWhenShown=true -Dstreamdesk.preload=false \
  -cp "$cp" io.streamdesk.Launcher --data-dir "$tmp/data" >"$tmp/out.txt" 2>&1 || true
java -Xlog:class+load=info:file="$tmp/bare.log" -Dprism.order=sw -cp "$cp" 'io.streamdesk.bench.BareWindow$Main' >/dev/null 2>&1 || true
# the window's classes: everything loaded until the window was shown (lines start with "[<epoch ms>ms]")
shown=$(sed -n 's/^SHOWN \([0-9]*\).*/\1/p' "$tmp/out.txt" | head -1)
awk -v shown="$shown" '{t = substr($1, 2) + 0; if (t <= shown) print}' "$tmp/app.log" \
  | grep -v 'shared objects file\|Lambda\|\$\$\|0x0000\|__JVM' | awk '{print $2}' > "$tmp/app.txt"
grep -v 'shared objects file' "$tmp/bare.log" | awk '{print $2}' | sort -u > "$tmp/bare.txt"
awk 'NR==FNR {bare[$1] = 1; next} !($1 in bare) && !seen[$1]++' "$tmp/bare.txt" "$tmp/app.txt" \
  | grep -v '^io\.streamdesk\.bench' > app/src/main/resources/startup/preload-classes.txt
wc -l app/src/main/resources/startup/preload-classes.txt
