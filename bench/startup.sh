#!/usr/bin/env bash
# Start-up figures of issue 14, measured from outside the app, for StreamDesk and for a bare JavaFX window (one Label),
# alternating in the same run (the order flips every run), under Xvfb:
#   mapped  process start -> the main window's MapNotify on the X server (an `xev -root` listener stamps it);
#   listed  process start -> the job list filled and answering input: the app prints LISTED once a rendered pulse
#           showed the job table with rows (cover gone) and the FX thread came back idle; the script then sends a
#           key press through the X server (xdotool, XTEST) and stamps the app's KEY line when it reads it. For the
#           bare window the key is sent as soon as it is mapped, so both figures include the same probe.
# Each run starts on a fresh copy of the cached data directory (1,000 jobs, 100,000 events, generated once through
# the real stores under target/bench-data) with the app's jars, the JDK's modules and the data files evicted from the
# page cache ("first", cold-ish), then again on the same directory ("second", warm OS cache).
# At the app's KEY the script grabs the window and checks that the list region is not blank (the first run's grab:
# target/bench/startup-listed.png).
# Each start's times (mapped, the app's LISTED or the bare window's SHOWN, KEY) go to target/bench/startup-starts.log.
# STARTUP_APP_OPTS adds JVM options to the app's (e.g. -Dstreamdesk.openAfterWindow=true, ADR 0015).
# Usage: bench/startup.sh [runs]   (needs: xvfb x11-utils xdotool; apt-get install -y xvfb x11-utils xdotool libgtk-3-0)
# Last lines: figure<TAB>streamdesk_ms<TAB>anchor_ms<TAB>ratio (medians), for bench/all.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
jobs=${STARTUP_JOBS:-1000}
events=${STARTUP_EVENTS:-100000}
out=target/bench
mkdir -p "$out"
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
mvn -q -B dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/app.cp >/dev/null
cp="target/classes:target/test-classes:$(cat target/bench.cp)"
app_cp="target/classes:$(cat target/app.cp)" # as the app runs: its own log configuration, no test jars
opens=$(sed -n 's:.*<flink.jvm.opens>\(.*\)</flink.jvm.opens>.*:\1:p' pom.xml)
# the app's JVM options as the README's run command and the installer pass them
app_opts=$(sed -n 's:.*<app.jvm.options>\(.*\)</app.jvm.options>.*:\1:p' pom.xml)
app_opts="${app_opts:--Xmx1g} ${STARTUP_APP_OPTS:-}"

# STARTUP_CDS=1 (an experiment for ADR 0015): the app from a jar with a dynamic AppCDS archive, made by one training
# start (-XX:ArchiveClassesAtExit; JDK 17 cannot archive classes from a directory such as target/classes)
cds_opts=""
if [ "${STARTUP_CDS:-0}" = 1 ]; then
  mkdir -p target/cds
  rm -f target/cds/streamdesk-app.jar
  (cd target/classes && jar cf ../cds/streamdesk-app.jar .)
  app_cp="target/cds/streamdesk-app.jar:$(cat target/app.cp)"
  cds_opts="-XX:SharedArchiveFile=target/cds/app.jsa -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"
fi

# the data directory, once: through the job service and the event store (bench/StartupData)
cache=target/bench-data/jobs${jobs}-events${events}
if [ ! -f "$cache/.generated" ]; then
  rm -rf "$cache"
  echo "generating $cache (once) ..."
  java $opens -cp "$cp" io.streamdesk.bench.StartupData "$cache" "$jobs" "$events" 2>&1 | grep -v '^\s*$' | tail -1
  rm -rf "$cache/logs" "$cache/cluster"
fi

tmp=$(mktemp -d)
if [ -z "${DISPLAY:-}" ]; then
  Xvfb :97 -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
  export DISPLAY=:97
  sleep 1
fi
# every top-level window mapped on the X server, stamped when the event arrives: "<epoch s.us> <window id>"
maps=$tmp/maps.log
: >"$maps"
watch_maps() {
  local line detail t w
  while IFS= read -r line; do
    if [[ $line == MapNotify* ]]; then
      t=$EPOCHREALTIME
      IFS= read -r detail
      w=${detail#*window }
      echo "$t ${w%%,*}" >>"$maps"
    fi
  done
}
xev -root -event substructure 2>/dev/null > >(watch_maps) &
listener=$!
cleanup() {
  kill "$listener" 2>/dev/null || true
  [ -n "${xvfb:-}" ] && kill "$xvfb" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
sleep 0.5

evict() { # drops the page cache of the given files (and of the files under given directories)
  local f
  for f in "$@"; do
    if [ -d "$f" ]; then
      find "$f" -type f -exec dd if={} iflag=nocache count=0 status=none \; 2>/dev/null || true
    elif [ -f "$f" ]; then
      dd if="$f" iflag=nocache count=0 status=none 2>/dev/null || true
    fi
  done
}
java_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
cold_files=("$java_home/lib/modules" $(tr ':' ' ' <target/bench.cp) target/classes)

stamp() { while IFS= read -r line; do echo "$EPOCHREALTIME $line"; done; }
ms() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%d", (a - b) * 1000}'; }

# one start: prints "mapped_ms listed_ms"; $1 bare|app, $2 data dir (app), $3 png to save the LISTED screen to or ""
start_once() {
  local kind=$1 dir=$2 shot=$3 log=$tmp/out.log err=$tmp/err.log title marker pid t0 wid="" tmap="" tready="" tkey="" tsent=""
  : >"$log"
  local seen; seen=$(wc -l <"$maps")
  t0=$EPOCHREALTIME
  if [ "$kind" = bare ]; then
    title="Bare window"; marker=SHOWN
    java -Dprism.order=sw -cp "$cp" 'io.streamdesk.bench.BareWindow$Main' > >(stamp >"$log") 2>"$err" &
  else
    title="StreamDesk"; marker=LISTED
    java $app_opts ${cds_opts_now:-$cds_opts} -Dprism.order=sw $opens -Dstreamdesk.bench.markers=true \
      -cp "$app_cp" io.streamdesk.Launcher --data-dir "$dir" > >(stamp >"$log") 2>"$err" &
  fi
  pid=$!
  local deadline=$(( $(date +%s) + 120 ))
  while [ -z "$tkey" ]; do
    if [ "$(date +%s)" -gt "$deadline" ] || ! kill -0 "$pid" 2>/dev/null; then
      echo "start of $kind failed or timed out; stderr:" >&2; tail -5 "$err" >&2; kill -9 "$pid" 2>/dev/null; echo "0 0"; return
    fi
    if [ -z "$wid" ]; then
      local t w
      while read -r t w; do
        if xprop -id "$w" WM_NAME 2>/dev/null | grep -q "\"$title\""; then wid=$w; tmap=$t; break; fi
      done < <(tail -n +$((seen + 1)) "$maps")
    fi
    if [ -n "$wid" ] && [ -z "$tready" ] && grep -q " $marker" "$log"; then
      tready=$(awk -v m="$marker" '$2 == m {print $1; exit}' "$log")
      # the probe: a key press through the X server to the window, focused first (no window manager here)
      xdotool windowfocus --sync "$wid" key shift 2>/dev/null || true
      tsent=$EPOCHREALTIME
    fi
    if [ -n "$tready" ]; then
      tkey=$(awk '$2 == "KEY" {print $1; exit}' "$log")
      # a press that arrived before the window took the focus is lost: press again every half second
      if [ -z "$tkey" ] && [ "$(ms "$EPOCHREALTIME" "$tsent")" -gt 500 ]; then
        xdotool windowfocus --sync "$wid" key shift 2>/dev/null || true
        tsent=$EPOCHREALTIME
      fi
    fi
    [ -z "$tkey" ] && sleep 0.02
  done
  if [ "$kind" = app ]; then
    # what the screen showed when the app answered the key: the job table's rows, not the "Opening data..." cover
    # (a region of the list with text in every row has a grey level spread the near-blank cover never has)
    local png=${shot:-$tmp/shot.png} spread
    import -window "$wid" "$png" 2>/dev/null || true
    spread=$(convert "$png" -crop 700x400+300+150 -colorspace gray -format '%[fx:int(1000*standard_deviation)]' info: 2>/dev/null || echo 0)
    if [ "${spread:-0}" -lt "${LISTED_SPREAD_MIN:-60}" ]; then
      echo "screen check FAILED at KEY: the list region looks blank (spread $spread); see $png" >&2
      cp "$png" "$out/startup-failed-check.png" 2>/dev/null || true
    fi
    echo "$spread" >>"$tmp/spreads"
    kill -TERM "$pid" 2>/dev/null || true # quits as a logout does: services closed, cluster stopped
  fi
  # let it quit (the app closes its services as the window's close does) before the next start competes with it
  for _ in $(seq 1200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "$kind: mapped $(ms "$tmap" "$t0") ms, $marker $(ms "$tready" "$t0") ms, KEY $(ms "$tkey" "$t0") ms" >>"$out/startup-starts.log"
  echo "$(ms "$tmap" "$t0") $(ms "$tkey" "$t0")"
}

if [ "${STARTUP_CDS:-0}" = 1 ]; then
  rm -f target/cds/app.jsa
  cp -a "$cache" "$tmp/train"
  cds_opts_now="-XX:ArchiveClassesAtExit=target/cds/app.jsa" start_once app "$tmp/train" "" >/dev/null
  rm -rf "$tmp/train"
  ls -la target/cds/app.jsa >&2 || echo "no archive: the training start did not dump one" >&2
fi

declare -a a_map a_list a_warm a_warm_map b_map b_list b_warm b_warm_map
shot=$out/startup-listed.png
rm -f "$shot" "$out/startup-starts.log"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$runs"); do
  dir=$tmp/data-$i
  cp -a "$cache" "$dir"
  order=(app bare); [ $((i % 2)) -eq 0 ] && order=(bare app)
  for kind in "${order[@]}"; do
    evict "${cold_files[@]}" "$dir"
    if [ "$kind" = app ]; then
      read -r m l < <(start_once app "$dir" "$([ "$i" = 1 ] && echo "$shot")"); a_map+=("$m"); a_list+=("$l")
    else
      read -r m l < <(start_once bare "" ""); b_map+=("$m"); b_list+=("$l")
    fi
  done
  for kind in "${order[@]}"; do
    if [ "$kind" = app ]; then
      read -r m l < <(start_once app "$dir" ""); a_warm+=("$l"); a_warm_map+=("$m")
    else
      read -r m l < <(start_once bare "" ""); b_warm+=("$l"); b_warm_map+=("$m")
    fi
  done
  rm -rf "$out/startup-logs"; cp -a "$dir/logs" "$out/startup-logs" 2>/dev/null || true
  echo "run $i (load $(cut -d' ' -f1 /proc/loadavg)): StreamDesk mapped ${a_map[-1]} ms, listed ${a_list[-1]} ms, second start mapped ${a_warm_map[-1]} ms, listed ${a_warm[-1]} ms | bare mapped ${b_map[-1]} ms, answering ${b_list[-1]} ms, second start mapped ${b_warm_map[-1]} ms, answering ${b_warm[-1]} ms"
  rm -rf "$dir"
done
echo "screen check (grey spread of the list region at KEY, x1000; the cover is near 0): $(tr '\n' ' ' <"$tmp/spreads")"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
line() { awk -v f="$1" -v a="$2" -v b="$3" 'BEGIN {printf "%s\t%d\t%d\t%.2f\n", f, a, b, (b > 0 ? a / b : 0)}'; }
echo "# figure	streamdesk_ms	anchor_ms	ratio   (medians of $runs runs; anchor: bare JavaFX window)"
line startup.window_mapped "$(median "${a_map[@]}")" "$(median "${b_map[@]}")"
line startup.list_filled "$(median "${a_list[@]}")" "$(median "${b_list[@]}")"
line startup.window_mapped_second_start "$(median "${a_warm_map[@]}")" "$(median "${b_warm_map[@]}")"
line startup.list_filled_second_start "$(median "${a_warm[@]}")" "$(median "${b_warm[@]}")"
