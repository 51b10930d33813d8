# shellcheck shell=bash
# Sourced by run.sh and the benchmarks: start built Marquee processes and wait until they are ready.
# Callers keep the started pids in an array named 'pids' (their logs in 'pid_logs') and stop them in
# their own trap.

# start_dotnet LOG DLL [ARGS...]: runs DLL from its build folder (its appsettings.json is then the
# content root's) in the background, with the caller's environment plus any VAR=value prefixes.
start_dotnet() {
  local log=$1 dll=$2
  shift 2
  (cd "$(dirname "$dll")" && exec dotnet "$dll" "$@") >"$log" 2>&1 &
  pids+=($!)
  pid_logs+=("$log")
  return 0
}

# wait_ready URL NAME LOG [TEXT]: polls URL until it answers 2xx (with TEXT in its body, when given);
# fails early when a started process died.
wait_ready() {
  local url=$1 name=$2 log=$3 text=${4:-} i body
  for _ in $(seq 1 180); do
    if body=$(curl -fsS "$url" 2>/dev/null) && grep -qF -- "$text" <<<"$body"; then return 0; fi
    for i in "${!pids[@]}"; do
      if ! kill -0 "${pids[$i]}" 2>/dev/null; then
        echo "a process exited while waiting for $name; last lines of ${pid_logs[$i]}:" >&2
        tail -n 30 "${pid_logs[$i]}" >&2
        return 1
      fi
    done
    sleep 1
  done
  echo "$name not ready after 180 s; see $log" >&2
  return 1
}

# forget_started PID: a process stopped on purpose (a fault injected, a restart), so wait_ready no
# longer treats its exit as a failure and stop_started no longer waits for it.
forget_started() {
  local i kept=() kept_logs=()
  for i in "${!pids[@]}"; do
    [ "${pids[$i]}" = "$1" ] && continue
    kept+=("${pids[$i]}"); kept_logs+=("${pid_logs[$i]}")
  done
  pids=("${kept[@]}"); pid_logs=("${kept_logs[@]}")
  return 0
}

# stop_started: SIGTERM to every started process, then wait for each (graceful silo shutdown).
stop_started() {
  local pid
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  return 0
}
