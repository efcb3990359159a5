#!/usr/bin/env bash
# `streamdesk job run ID` from a shell (a new process) against Flink's own SQL Client `-f script.sql` (a new process)
# submitting the same script to the same warm local cluster, alternating, N runs each. Each run is timed from the
# process start until the cluster's /jobs/overview shows the new job with all its tasks RUNNING (polled from here);
# between runs the job is stopped (StreamDesk: `job stop`, which records the end; SQL Client: a REST cancel). Prints
# each run, the medians, the ratio, the load average and a summary line for bench/all.sh:
#   figure<TAB>streamdesk_ms<TAB>anchor_ms<TAB>ratio<TAB>target
# Usage: bench/cli-run.sh [runs]   (SD_JAVA_FLAGS: extra JVM flags for the StreamDesk CLI, e.g. -XX:TieredStopAtLevel=1;
#                                   SD_CLASSES: another build's classes, to compare before and after)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
mvn -q -B compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
mvn -q -B -f bench/sql-client/pom.xml dependency:build-classpath -Dmdep.outputFile="$PWD/target/sql-client.cp" >/dev/null
opens=$(sed -n 's:.*<flink.jvm.opens>\(.*\)</flink.jvm.opens>.*:\1:p' pom.xml)
work=$(mktemp -d -t streamdesk-cli-run.XXXXXX)
data="$work/data"
cleanup() {
  if [[ -f "$data/cluster/pid" ]]; then kill "$(cat "$data/cluster/pid")" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
cat >"$work/job.sql" <<'SQL'
CREATE TABLE src (id BIGINT, amount DOUBLE) WITH ('connector'='datagen','rows-per-second'='20');
CREATE TABLE snk (id BIGINT, amount DOUBLE) WITH ('connector'='blackhole');
INSERT INTO snk SELECT id, amount FROM src WHERE amount > 0;
SQL
# the launcher's command line, as the installed `streamdesk` command runs it (pom.xml app.cli.jvm.options and the
# opens; SD_JAVA_FLAGS replaces those options, e.g. SD_JAVA_FLAGS=-Xmx1g for the app launcher's JIT)
cli_opts=$(sed -n 's:.*<app.cli.jvm.options>\(.*\)</app.cli.jvm.options>.*:\1:p' pom.xml)
sd=(java ${SD_JAVA_FLAGS:-$cli_opts} $opens -cp "${SD_CLASSES:-target/classes}:$(cat target/bench.cp)" io.streamdesk.Launcher cli --data-dir "$data")
id=$("${sd[@]}" job create --name bench --sql "$work/job.sql" 2>/dev/null | grep -o 'cql-[a-z0-9]\{8\}' | head -1)
"${sd[@]}" job publish "$id" -m bench >/dev/null 2>&1
# the first run spawns the (detached) local cluster: warm it and both paths once, untimed
"${sd[@]}" job run "$id" >/dev/null 2>&1
"${sd[@]}" job stop "$id" >/dev/null 2>&1
rest=$(cat "$data/cluster/rest.url")
port=${rest##*:}; port=${port%%/*}
mkdir -p "$work/conf"
printf 'execution.target: remote\nrest.address: 127.0.0.1\nrest.port: %s\n' "$port" >"$work/conf/config.yaml"
anchor=(env FLINK_CONF_DIR="$work/conf" java $opens -cp "$(cat target/sql-client.cp)"
  org.apache.flink.table.client.SqlClient embedded -f "$work/job.sql")
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$runs" "$rest" "$id" "$work" <<'PY' "${sd[@]}" -- "${anchor[@]}"
import json, statistics, subprocess, sys, time, urllib.request
runs, rest, job_id, work = int(sys.argv[1]), sys.argv[2].rstrip('/'), sys.argv[3], sys.argv[4]
rest_args = sys.argv[5:]
split = rest_args.index('--')
sd, anchor = rest_args[:split], rest_args[split + 1:]

def overview():
    with urllib.request.urlopen(rest + '/jobs/overview', timeout=5) as r:
        return json.load(r)['jobs']

def timed(cmd):
    """Process start -> a job not seen before has every task RUNNING; returns (ms, flink job id)."""
    known = {j['jid'] for j in overview()}
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=open(work + '/last.err', 'wb'))
    while True:
        for j in overview():
            t = j['tasks']
            if j['jid'] not in known and j['state'] == 'RUNNING' and t['running'] == t['total'] > 0:
                ms = (time.monotonic() - t0) * 1000
                if proc.wait(timeout=120) != 0:
                    sys.exit('command failed: ' + ' '.join(cmd[-4:]) + '\n' + open(work + '/last.err').read()[-2000:])
                return ms, j['jid']
        if proc.poll() not in (None, 0):
            sys.exit('command failed: ' + ' '.join(cmd[-4:]) + '\n' + open(work + '/last.err').read()[-2000:])
        time.sleep(0.02)

def cancel(jid):
    urllib.request.urlopen(urllib.request.Request(rest + '/jobs/' + jid + '?mode=cancel', method='PATCH'), timeout=5)
    while any(j['jid'] == jid and j['state'] not in ('CANCELED', 'FAILED', 'FINISHED') for j in overview()):
        time.sleep(0.05)

ours, theirs = [], []
# one untimed SQL Client run warms the OS cache of its jars, as the first StreamDesk run did
_, jid = timed(anchor); cancel(jid)
for i in range(1, runs + 1):
    a, _ = timed(sd + ['job', 'run', job_id])
    subprocess.run(sd + ['job', 'stop', job_id], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    b, jid = timed(anchor)
    cancel(jid)
    ours.append(a); theirs.append(b)
    print(f'run {i}: streamdesk job run {a:.0f} ms, SQL Client -f {b:.0f} ms', flush=True)
mo, ma = statistics.median(ours), statistics.median(theirs)
print(f'median streamdesk job run (new process) -> all tasks RUNNING: {mo:.0f} ms')
print(f'median SQL Client -f (new process) -> all tasks RUNNING: {ma:.0f} ms')
print(f'ratio: {mo / ma:.2f}')
print(f'figure\t`streamdesk job run ID` from a shell -> all tasks RUNNING (vs SQL Client -f)\t{mo:.0f}\t{ma:.0f}\t{mo / ma:.2f}\t<= 0.3')
PY
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
