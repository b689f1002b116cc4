# Shared by bench/http.sh and bench/warmup.sh (sourced, not run): the readiness probe and stopping the server.
# Expects HOST, PORT and SERVER_PID to be set by the script that sources it.

# Readiness probe over bash's /dev/tcp: polling with curl every 20 ms would itself take a good share of a CPU.
ready_probe() {
  local line
  { exec 3<> "/dev/tcp/$HOST/$PORT"; } 2> /dev/null || return 1
  printf 'GET /q/health/ready HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n' "$HOST:$PORT" >&3
  IFS= read -r -t 2 line <&3 || line=
  exec 3<&- 3>&-
  [[ $line == "HTTP/1.1 200"* ]]
}

# Stops the server gracefully, then for good after 15 s.
stop_server() {
  if [ -n "${SERVER_PID:-}" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=
}
