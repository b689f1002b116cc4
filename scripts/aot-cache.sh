#!/usr/bin/env sh
# Makes a JDK 25 AOT cache (JEP 483 and 515: classes loaded and linked, and method profiles) for the packaged service.
#
# The training run is the service's own start: it warms itself up through every door (JSON, FHIR, CDS Hooks) before
# it reports ready, so this script starts it on loopback with -XX:AOTCacheOutput, waits for ready, stops it, and the
# JVM writes app.aot beside quarkus-run.jar as it exits. Start the service from that folder with
# "java -XX:AOTCache=app.aot -jar quarkus-run.jar", with the same java (another JDK ignores the cache, or refuses it
# with -XX:AOTMode=on). Used by src/main/docker/Dockerfile.jvm and bench/warmup.sh; docs/deployment.md has the why.
#
# Usage: scripts/aot-cache.sh [quarkus-app folder]      Environment: JAVA=java PORT=18099 JVM_OPTIONS=<folder>/jvm.options
set -eu

APP=${1:-target/quarkus-app}
JAVA=${JAVA:-java}
PORT=${PORT:-18099}
OPTIONS=${JVM_OPTIONS:-}
if [ -n "$OPTIONS" ]; then OPTIONS=$(cd "$(dirname "$OPTIONS")" && pwd)/$(basename "$OPTIONS"); fi
cd "$APP"
if [ -z "$OPTIONS" ] && [ -f jvm.options ]; then OPTIONS=jvm.options; fi
if ! "$JAVA" -XX:AOTMode=off -version > /dev/null 2>&1; then
  echo "$JAVA has no AOT cache (JDK 25 or later is needed)" >&2
  exit 2
fi
rm -f app.aot app.aot.config
# shellcheck disable=SC2086
"$JAVA" ${OPTIONS:+@$OPTIONS} -XX:AOTCacheOutput=app.aot -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT" \
  -jar quarkus-run.jar > aot-training.log 2>&1 &
PID=$!
ready=
i=0
while [ $i -lt 600 ]; do
  if ! kill -0 "$PID" 2> /dev/null; then break; fi
  if curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; then ready=1; break; fi
  sleep 0.1
  i=$((i + 1))
done
kill -TERM "$PID" 2> /dev/null || true
wait "$PID" || true
if [ -z "$ready" ] || [ ! -s app.aot ]; then
  echo "no AOT cache: the training run did not become ready or did not write it; see $APP/aot-training.log" >&2
  exit 1
fi
if ! grep -q 'Warmed up with' aot-training.log; then
  echo "the training run did not warm up (triage.warm-up.enabled=false?): the cache would miss the request paths" >&2
  exit 1
fi
rm -f aot-training.log
echo "AOT cache $APP/app.aot ($(du -m app.aot | cut -f1) MB) for $("$JAVA" -version 2>&1 | head -1)"
