#!/usr/bin/env bash
# HTTP load benchmark of the packaged service (issue 6), on loopback only and bounded in time.
#
# Starts target/quarkus-app/quarkus-run.jar on 127.0.0.1, measures JVM start to ready (first 200 from
# /q/health/ready, which stays DOWN until the rules are compiled), warms both endpoints up, then runs wrk against
# POST /api/v1/triage and GET /q/health/live on the same server, one after the other, and prints requests/s,
# p50/p99 latency, the triage/health throughput ratio and the process RSS after the load. Then stops the server.
#
# Usage: bench/http.sh            (from the project root; builds the jar with ./mvnw -q package -DskipTests if missing)
# Environment (all optional):
#   DURATION=15s  THREADS=2  CONNECTIONS=32   wrk settings of each measured run
#   WARMUP=30s                                 wrk warm-up of each endpoint before measuring (not reported; the JIT
#                                              needs it: with 5 s triage runs at a third of its steady rate)
#   PORT=18080                                 loopback port to use
#   BODY_FILE=path.json                        one triage body to send (default: bench/triage-bodies.jsonl in turn)
#   PREFER=return=minimal                      send this Prefer header with every triage request (RFC 7240)
#   JVM_OPTIONS=src/main/jvm/jvm.options       the JVM options file the server runs with (the container image's own);
#                                              JVM_OPTIONS= (empty) runs the JVM with its defaults
#   JAVA_OPTS="..."                            extra JVM options on top, e.g. "-Xmx256m"
#   JAR=target/quarkus-app/quarkus-run.jar     the runnable jar
#   JFR_DIR=target/jfr                         also record each measured run with JFR (profile settings, jcmd
#                                              JFR.start/stop around the run) into JFR_DIR/triage.jfr and health.jfr;
#                                              JFR costs throughput, so keep it for profiling runs, not for the figures
set -euo pipefail

cd "$(dirname "$0")/.."
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-30s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-18080}
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
JAVA_OPTS=${JAVA_OPTS:-}
JVM_OPTIONS=${JVM_OPTIONS-src/main/jvm/jvm.options}
HOST=127.0.0.1
BASE="http://$HOST:$PORT"

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "wrk not found: installing the Debian package" >&2
    (apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null; })
  else
    echo "wrk not found: apt-get install wrk" >&2; exit 2
  fi
fi
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 2; }
if [ ! -f "$JAR" ]; then
  echo "building $JAR (./mvnw -q package -DskipTests)" >&2
  ./mvnw -q package -DskipTests
fi

WORK=$(mktemp -d)
SERVER_PID=
# shellcheck source=bench/server.sh
. bench/server.sh
cleanup() {
  stop_server
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

# Triage bodies: by default the eight requests of bench/triage-bodies.jsonl, taken from the clinical vignettes
# (src/test/resources/vignettes), 1 to 5 symptoms, from a stroke to plain tiredness, each request with another age
# (16 to 95) and its hours since onset scaled by 0.5 to 1.5, so that the figures reflect the mix of answers real
# intake traffic gives and no cache keyed on the body could fake them (EngineMixBenchmark runs the mix without HTTP).
# BODY_FILE sends that one body instead, with the same variation.
if [ -n "${BODY_FILE:-}" ]; then
  tr -d '\n' < "$BODY_FILE" > "$WORK/bodies.jsonl"; echo >> "$WORK/bodies.jsonl"
else
  cp bench/triage-bodies.jsonl "$WORK/bodies.jsonl"
fi

# wrk script: requests formatted once per thread and sent in turn (the same per-request work in wrk for both
# endpoints), and a machine-readable summary at the end.
lua() { # $1 = POST|GET
  cat <<'LUA'
local reqs, n = {}, 0
init = function(args)
LUA
  if [ "$1" = POST ]; then
    cat <<LUA
  for body in io.lines("$WORK/bodies.jsonl") do
    if #body > 0 then n = n + 1; reqs[n] = body end
  end
  headers = {["Host"] = wrk.headers["Host"], ["Content-Type"] = "application/json", ["Accept"] = "application/json"}
  if "${PREFER:-}" ~= "" then headers["Prefer"] = "${PREFER:-}" end
  math.randomseed(os.time())
  vary = true
LUA
  else
    cat <<'LUA'
  n = 1
  reqs[1] = wrk.format("GET", nil, {["Host"] = wrk.headers["Host"], ["Accept"] = "application/json"})
LUA
  fi
  cat <<'LUA'
end
local i = 0
request = function()
  i = i % n + 1
  if not vary then return reqs[i] end
  local body = reqs[i]:gsub('"age": *%d+', '"age": ' .. math.random(16, 95))
  body = body:gsub('"hoursSinceOnset": *([%d%.]+)',
    function(h) return string.format('"hoursSinceOnset": %.1f', tonumber(h) * (0.5 + math.random())) end)
  return wrk.format("POST", nil, headers, body)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d seconds=%.3f rps=%.1f p50_us=%d p99_us=%d mean_us=%.1f max_us=%d errors=%d non2xx=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99), latency.mean, latency.max,
    e.connect + e.read + e.write + e.timeout, e.status))
end
LUA
}
lua POST > "$WORK/triage.lua"
lua GET > "$WORK/health.lua"

if curl -s -o /dev/null "$BASE/q/health/live" 2>/dev/null; then
  echo "something already listens on $HOST:$PORT; set PORT" >&2; exit 2
fi

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
NCPU=$(nproc)

# --- start and time to ready ---------------------------------------------------------------------------------------
start_busy=$(busy_ticks)
start_ns=$(date +%s%N)
JFR_OPTS=
if [ -n "${JFR_DIR:-}" ]; then
  # JFR is started with the JVM so that its instrumentation is in place before the JIT warms up: starting the first
  # recording later, in a warm JVM, throws compiled code away and the measured run would mostly time recompilation.
  JFR_OPTS="-XX:StartFlightRecording=name=background,settings=default,maxage=5m"
fi
# shellcheck disable=SC2086
java ${JVM_OPTIONS:+@$JVM_OPTIONS} $JAVA_OPTS $JFR_OPTS -Dquarkus.http.host=$HOST -Dquarkus.http.port="$PORT" -jar "$JAR" > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
ready_ns=
exec 4<> <(:)                # a pipe nobody writes to: "read -t" on it is a sleep without starting a process
for _ in $(seq 1 3000); do   # at most ~60 s
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "server exited:" >&2; cat "$WORK/server.log" >&2; exit 1; fi
  if ready_probe; then
    ready_ns=$(date +%s%N); break
  fi
  read -r -t 0.02 -u 4 _ || true
done
exec 4<&-
[ -n "$ready_ns" ] || { echo "server not ready within 60 s" >&2; cat "$WORK/server.log" >&2; exit 1; }
start_ms=$(( (ready_ns - start_ns) / 1000000 ))
quarkus_started=$(grep -o 'started in [0-9.]*s' "$WORK/server.log" | head -1 | grep -o '[0-9.]*' || echo "?")
rss_ready_kb=$(awk '/^VmRSS/ {print $2}' "/proc/$SERVER_PID/status")
start_cpu_ms=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$SERVER_PID/stat")
start_other_pct=$(awk -v b0="$start_busy" -v b1="$(busy_ticks)" -v hz="$(getconf CLK_TCK)" -v s="$start_cpu_ms" \
  -v ms="$start_ms" -v n="$NCPU" 'BEGIN { o = ((b1 - b0) / hz * 1000 - s) / (ms * n); printf "%.0f", (o < 0 ? 0 : o) * 100 }')

while IFS= read -r body; do
  [ -n "$body" ] || continue
  status=$(curl -s -o "$WORK/answer.json" -w '%{http_code}' -H 'Content-Type: application/json' --data-binary "$body" "$BASE/api/v1/triage")
  [ "$status" = 200 ] || { echo "triage answered $status to $body:" >&2; cat "$WORK/answer.json" >&2; exit 1; }
done < "$WORK/bodies.jsonl"

# CPU time (user + system) the server has used so far, in clock ticks: with it the script reports the server's CPU
# cost per request, which (unlike requests/s) does not depend on what else the machine is doing.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat"; }
TICKS=$(getconf CLK_TCK)

# One measured (or warm-up) wrk run. Prints wrk's RESULT line plus the server's CPU per request and the share of the
# machine's CPU that other processes (neither the server nor wrk) took meanwhile: above a few percent, the machine
# was not quiet and the run should be repeated.
run() { # $1 = lua, $2 = url, $3 = duration [, $4 = JFR recording name]
  local before after busy0 busy1 wrk_cpu t0 t1
  if [ -n "${4:-}" ]; then jcmd "$SERVER_PID" JFR.start name="$4" settings=profile > /dev/null; fi
  before=$(cpu_ticks); busy0=$(busy_ticks); t0=$(date +%s%N)
  wrk_cpu=$( { TIMEFORMAT='%U %S'; time wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3" --timeout 5s --latency -s "$1" "$2" \
      > "$WORK/wrk.out" 2>&1; } 2>&1 ) || { cat "$WORK/wrk.out" >&2; exit 1; }
  after=$(cpu_ticks); busy1=$(busy_ticks); t1=$(date +%s%N)
  if [ -n "${4:-}" ]; then
    jcmd "$SERVER_PID" JFR.stop name="$4" filename="$(realpath "$JFR_DIR")/$4.jfr" > /dev/null
  fi
  awk -v b="$before" -v a="$after" -v hz="$TICKS" -v b0="$busy0" -v b1="$busy1" -v w="$wrk_cpu" -v ns="$((t1 - t0))" \
      -v n="$NCPU" '/^RESULT/ {
    split($2, r, "="); split(w, wc, " ")
    other = ((b1 - b0) / hz - (a - b) / hz - wc[1] - wc[2]) / (ns / 1e9 * n)
    printf "%s cpu_us_per_req=%.1f other_cpu_pct=%.0f\n", $0, (a - b) * 1e6 / hz / r[2], (other < 0 ? 0 : other) * 100 }' \
    "$WORK/wrk.out"
}
if [ -n "${JFR_DIR:-}" ]; then mkdir -p "$JFR_DIR"; fi
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<< " $1"; }

# --- warm up (JIT), then measure each endpoint on the same server ---------------------------------------------------
run "$WORK/triage.lua" "$BASE/api/v1/triage" "$WARMUP" > /dev/null
run "$WORK/health.lua" "$BASE/q/health/live" "$WARMUP" > /dev/null
triage=$(run "$WORK/triage.lua" "$BASE/api/v1/triage" "$DURATION" ${JFR_DIR:+triage})
health=$(run "$WORK/health.lua" "$BASE/q/health/live" "$DURATION" ${JFR_DIR:+health})
rss_kb=$(awk '/^VmRSS/ {print $2}' "/proc/$SERVER_PID/status")
hwm_kb=$(awk '/^VmHWM/ {print $2}' "/proc/$SERVER_PID/status")

# --- report ----------------------------------------------------------------------------------------------------------
t_rps=$(field "$triage" rps); h_rps=$(field "$health" rps)
ratio=$(awk -v a="$t_rps" -v b="$h_rps" 'BEGIN { printf "%.3f", a / b }')
ms() { awk -v us="$1" 'BEGIN { printf "%.2f", us / 1000 }'; }
verdict() { if awk "BEGIN { exit !($1) }"; then echo "meets"; else echo "MISSES"; fi; }

echo "date: $(date -u '+%F %T') UTC; JVM options: $(if [ -n "$JVM_OPTIONS" ]; then grep -v '^#' "$JVM_OPTIONS" | tr '\n' ' '; fi)${JAVA_OPTS:-}"
echo "machine: load average before the run $LOAD_BEFORE, $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(java -version 2>&1 | head -1)"
echo "wrk: $THREADS threads, $CONNECTIONS connections, $DURATION per endpoint after $WARMUP warm-up each; server on $BASE"
printf '%-22s %12s %10s %10s %10s %13s %8s %8s %8s\n' endpoint requests/s p50_ms p99_ms mean_ms server_cpu_us errors non2xx other%
for row in "POST /api/v1/triage|$triage" "GET /q/health/live|$health"; do
  name=${row%%|*}; r=${row#*|}
  printf '%-22s %12s %10s %10s %10s %13s %8s %8s %8s\n' "$name" "$(field "$r" rps)" "$(ms "$(field "$r" p50_us)")" \
    "$(ms "$(field "$r" p99_us)")" "$(ms "$(field "$r" mean_us)")" "$(field "$r" cpu_us_per_req)" "$(field "$r" errors)" \
    "$(field "$r" non2xx)" "$(field "$r" other_cpu_pct)"
done
echo "throughput ratio triage/health: $ratio (target >= 0.8: $(verdict "$ratio >= 0.8"))"
echo "server CPU per request ratio health/triage: $(awk -v t="$(field "$triage" cpu_us_per_req)" -v h="$(field "$health" cpu_us_per_req)" 'BEGIN { printf "%.3f", h / t }') (the throughput ratio to expect when the server alone is CPU-bound)"
echo "start to ready: ${start_ms} ms, server CPU until ready ${start_cpu_ms} ms, other processes ${start_other_pct}% of the CPUs (Quarkus 'started in' ${quarkus_started}s) (target < 2500 ms: $(verdict "$start_ms < 2500"))"
echo "RSS: ready $((rss_ready_kb / 1024)) MB, after load $((rss_kb / 1024)) MB, peak $((hwm_kb / 1024)) MB (target < 300 MB after load: $(verdict "$rss_kb < 300 * 1024"))"
errors=$(( $(field "$triage" errors) + $(field "$triage" non2xx) + $(field "$health" errors) + $(field "$health" non2xx) ))
echo "server_cpu_us: server CPU (user + system) per request; other%: share of the machine's CPU used by other processes"
echo "during the run (repeat the run if it is more than a few percent)"
if [ -n "${JFR_DIR:-}" ]; then echo "JFR recordings: $JFR_DIR/triage.jfr $JFR_DIR/health.jfr"; fi
[ "$errors" = 0 ] || { echo "FAILED: $errors errors or non-2xx answers during the load" >&2; exit 1; }
