# shellcheck shell=bash
# Sourced by run.sh, test.sh and the benchmarks: a private PostgreSQL cluster under a folder of ours,
# started with this machine's server binaries (installed from Debian when missing), TCP on loopback only.

pg_bin_dir() {
  local dir
  # Explicit statuses throughout: a bare 'return' inside a trap handler reports the trapped command's status.
  if command -v pg_ctl >/dev/null 2>&1; then dirname "$(readlink -f "$(command -v pg_ctl)")"; return 0; fi
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$dir" ]; then echo "$dir"; return 0; fi
  echo "PostgreSQL server binaries missing; installing the Debian package" >&2
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  else
    sudo apt-get update -qq >&2 && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  fi
  ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1
}

# PostgreSQL refuses to run as root: when we are root, the server runs as the 'postgres' user.
pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
    # From /, so a caller's private working directory does not trouble the postgres user.
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# free_port: a loopback port nobody listens on, drawn outside the kernel's ephemeral range: a port
# inside it can be held by an outgoing connection or a TIME_WAIT socket (thousands after a load run),
# so it may look free and still refuse to bind.
free_port() {
  local low=32768 high=60999 p
  read -r low high </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || true
  for _ in $(seq 1 100); do
    # Ports 20000 up to the range's start, or above its end when the range starts lower.
    if [ "$low" -gt 21000 ]; then
      p=$(( 20000 + RANDOM % (low - 20000) ))
    else
      p=$(( high + 1 + RANDOM % (65535 - high) ))
    fi
    (echo >/dev/tcp/127.0.0.1/$p) 2>/dev/null && continue
    ss -Htan "sport = :$p" 2>/dev/null | grep -q . && continue
    echo "$p"; return 0
  done
  return 1
}

# As root the server runs as 'postgres', which must be able to reach the data directory: grant
# traverse (x, never read) on each ancestor that denies it, e.g. a checkout inside a private temp dir.
pg_grant_traverse() {
  local dir
  [ "$(id -u)" = 0 ] || return 0
  dir=$(dirname "$(readlink -f "$1")")
  while [ "$dir" != "/" ]; do
    if ! runuser -u postgres -- test -x "$dir" 2>/dev/null; then
      chmod o+x "$dir"
    fi
    dir=$(dirname "$dir")
  done
  return 0
}

# pg_start DATA_DIR PORT USER PASSWORD: initialise on first use, then start and wait until ready.
pg_start() {
  local data=$1 port=$2 user=$3 password=$4 bin
  bin=$(pg_bin_dir) || return 1
  mkdir -p "$data"
  pg_as_owner true 2>/dev/null || true   # creates the postgres user when missing
  pg_grant_traverse "$data"
  if [ ! -f "$data/PG_VERSION" ]; then
    local pwfile
    pwfile=$(mktemp)
    printf '%s\n' "$password" >"$pwfile"
    chmod 644 "$pwfile"
    [ "$(id -u)" = 0 ] && chown postgres "$data" "$pwfile"
    chmod 700 "$data"
    pg_as_owner "$bin/initdb" -D "$data" -U "$user" --pwfile="$pwfile" --auth=scram-sha-256 \
      --encoding=UTF8 --locale=C.UTF-8 >"$data.initdb.log" 2>&1 \
      || { cat "$data.initdb.log" >&2; rm -f "$pwfile"; return 1; }
    rm -f "$pwfile"
  fi
  [ "$(id -u)" = 0 ] && chown -R postgres "$data"
  pg_as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300 -c shared_buffers=256MB -c fsync=${PG_FSYNC:-on}" \
    start >/dev/null || { tail -n 30 "$data/server.log" >&2; return 1; }
}

pg_stop() {
  local data=$1 bin
  [ -f "$data/postmaster.pid" ] || return 0
  bin=$(pg_bin_dir) || return 0
  pg_as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null || true
}
