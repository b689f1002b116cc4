#!/usr/bin/env bash
# Cold-path benchmark of the packaged service (issue 16): what a new replica behind a load balancer feels.
#
# For each run: starts the jar on 127.0.0.1, times start to ready (first 200 from /q/health/ready, which waits for
# the rules and the warm-up), sends one triage request the moment it is ready and times it, then puts wrk load on
# POST /api/v1/triage for SECONDS seconds and counts the answers of every second. Reports, per run and as the median
# and range over the runs: start to ready, the first request, requests/s in each of the first seconds, the share of
# the plateau (median of the last third of the seconds) reached in the first 5 s, and the RSS at the end; every
# second's requests/s (the warm-up curve) goes to standard error as a CURVE line.
# With JAR_B set, runs alternate between JAR (A) and JAR_B (B), so that both see the same machine. A jar whose folder
# holds the build's class-data archive (app-cds.jsa) is started as the image starts it: in that folder, named
# relatively, with -XX:SharedArchiveFile; one whose folder holds a JDK 25 AOT cache (app.aot, made by
# scripts/aot-cache.sh or the image build) is started with -XX:AOTCache (CDS=0 starts either without). JAVA and
# JAVA_B name the java of each.
#
# Usage: bench/warmup.sh      Environment: RUNS=3 SECONDS_=60 THREADS=2 CONNECTIONS=32 PORT=18090
#                             JAR=target/quarkus-app/quarkus-run.jar JAR_B= JVM_OPTIONS=src/main/jvm/jvm.options
#                             JAVA=java JAVA_B=$JAVA
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
SECS=${SECONDS_:-60}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-18090}
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
JAR_B=${JAR_B:-}
JAVA=${JAVA:-java}
JAVA_B=${JAVA_B:-$JAVA}
JVM_OPTIONS=${JVM_OPTIONS-src/main/jvm/jvm.options}
HOST=127.0.0.1
BASE="http://$HOST:$PORT"
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 2; }

WORK=$(mktemp -d)
SERVER_PID=
# shellcheck source=bench/server.sh
. bench/server.sh
trap 'stop_server; rm -rf "$WORK"' EXIT INT TERM

if curl -s -o /dev/null "$BASE/q/health/live" 2>/dev/null; then echo "something already listens on $HOST:$PORT; set PORT" >&2; exit 2; fi
cp bench/triage-bodies.jsonl "$WORK/bodies.jsonl"
# Varied bodies, as bench/http.sh sends them: every request another age and other hours since onset.
cat > "$WORK/load.lua" <<LUA
local templates, n = {}, 0
counts = {}
init = function(args)
  for body in io.lines("$WORK/bodies.jsonl") do
    if #body > 0 then n = n + 1; templates[n] = body end
  end
  math.randomseed(os.time() * 100 + (id or 0))
end
request = function()
  local body = templates[math.random(n)]
  body = body:gsub('"age": *%d+', '"age": ' .. math.random(16, 95))
  body = body:gsub('"hoursSinceOnset": *([%d%.]+)', function(h) return string.format('"hoursSinceOnset": %.1f', tonumber(h) * (0.5 + math.random())) end)
  return wrk.format("POST", nil, {["Host"] = wrk.headers["Host"], ["Content-Type"] = "application/json"}, body)
end
response = function(status, headers, body)
  local s = os.time()
  counts[s] = (counts[s] or 0) + 1
end
LUA
# Per-second counts: each wrk thread keeps its own table; the main thread prints them at the end.
cat >> "$WORK/load.lua" <<'LUA'
local threads = {}
setup = function(thread) table.insert(threads, thread); thread:set("id", #threads) end
done = function(summary, latency, requests)
  local all = {}
  for _, t in ipairs(threads) do
    local c = t:get("counts")
    for s, k in pairs(c) do all[s] = (all[s] or 0) + k end
  end
  local keys = {}
  for s in pairs(all) do table.insert(keys, s) end
  table.sort(keys)
  local out = {}
  for _, s in ipairs(keys) do table.insert(out, tostring(all[s])) end
  io.write("PERSECOND " .. table.concat(out, " ") .. "\n")
  io.write(string.format("ERRORS %d %d\n", summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
LUA

one_run() { # $1 = label, $2 = jar, $3 = java
  local start_ns ready_ns first
  start_ns=$(date +%s%N)
  local dir jar archive=
  dir=$(cd "$(dirname "$2")" && pwd); jar=$(basename "$2")
  if [ "${CDS:-1}" != 0 ]; then
    if [ -f "$dir/app.aot" ]; then archive="-XX:AOTCache=app.aot"
    elif [ -f "$dir/app-cds.jsa" ]; then archive="-XX:SharedArchiveFile=app-cds.jsa"; fi
  fi
  local options=; [ -n "$JVM_OPTIONS" ] && options="@$(realpath "$JVM_OPTIONS")"
  # shellcheck disable=SC2086
  (cd "$dir" && exec "$3" $options $archive -Dquarkus.http.host=$HOST -Dquarkus.http.port="$PORT" -jar "$jar") > "$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  exec 4<> <(:)
  ready_ns=
  for _ in $(seq 1 3000); do
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
    if ready_probe; then ready_ns=$(date +%s%N); break; fi
    read -r -t 0.01 -u 4 _ || true
  done
  exec 4<&-
  [ -n "$ready_ns" ] || { echo "not ready in 30 s" >&2; exit 1; }
  first=$(curl -s -o /dev/null -w '%{time_total}' -H 'Content-Type: application/json' \
    --data-binary "$(sed -n 2p "$WORK/bodies.jsonl")" "$BASE/api/v1/triage")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECS}s" --timeout 5s -s "$WORK/load.lua" "$BASE/api/v1/triage" > "$WORK/wrk.out" 2>&1 \
    || { cat "$WORK/wrk.out" >&2; exit 1; }
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "server died under load:" >&2; tail -30 "$WORK/server.log" >&2; exit 1; fi
  local rss; rss=$(awk '/^VmRSS/ {print $2}' "/proc/$SERVER_PID/status")
  stop_server
  awk -v label="$1" -v ready="$(( (ready_ns - start_ns) / 1000000 ))" -v first="$first" -v rss="$rss" '
    /^PERSECOND/ { for (i = 2; i <= NF; i++) c[i - 1] = $i; n = NF - 1 }
    /^ERRORS/ { errors = $2 + $3 }
    END {
      # the first and last counted seconds are partial: drop them
      m = 0; for (i = 2; i < n; i++) v[++m] = c[i]
      k = 0; for (i = m - int(m / 3) + 1; i <= m; i++) tail[++k] = v[i]
      for (i = 2; i <= k; i++) { x = tail[i]; j = i - 1; while (j > 0 && tail[j] > x) { tail[j + 1] = tail[j]; j-- } tail[j + 1] = x }
      plateau = (k % 2) ? tail[(k + 1) / 2] : (tail[k / 2] + tail[k / 2 + 1]) / 2
      s5 = 0; for (i = 1; i <= 5 && i <= m; i++) s5 += v[i]
      line = ""; for (i = 1; i <= 10 && i <= m; i++) line = line " " v[i]
      printf "RUN %s ready_ms=%d first_ms=%.1f plateau_rps=%d first5s_pct=%.0f rss_mb=%d errors=%d first_seconds=%s\n",
        label, ready, first * 1000, plateau, 100 * s5 / 5 / plateau, rss / 1024, errors, line
      curve = ""; for (i = 1; i <= m; i++) curve = curve " " v[i]
      printf "CURVE %s%s\n", label, curve > "/dev/stderr"
    }' "$WORK/wrk.out"
}

for r in $(seq 1 "$RUNS"); do
  one_run A "$JAR" "$JAVA"
  if [ -n "$JAR_B" ]; then one_run B "$JAR_B" "$JAVA_B"; fi
done | tee "$WORK/runs.txt"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), A: $("$JAVA" -version 2>&1 | head -1), B: $("$JAVA_B" -version 2>&1 | head -1)"
for label in A B; do
  grep -q "^RUN $label " "$WORK/runs.txt" || continue
  for f in ready_ms first_ms plateau_rps first5s_pct rss_mb; do
    sed -n "s/^RUN $label.* $f=\([^ ]*\).*/\1/p" "$WORK/runs.txt" | sort -n | awk -v l="$label" -v f="$f" \
      '{ v[NR] = $1 } END { printf "%s %-12s median %s (range %s to %s, %d runs)\n", l, f, v[int((NR + 1) / 2)], v[1], v[NR], NR }'
  done
done
