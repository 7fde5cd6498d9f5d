#!/usr/bin/env bash
# A local scale-out cluster: N shortlease instances on one PostgreSQL database through PgBouncer
# in transaction mode, behind HAProxy (docs/scale-out.md).
#   deploy/local-cluster.sh up [-n N]   builds the jar when needed, starts PgBouncer, N instances
#                                       (default 3, or N=...) and HAProxy on CLUSTER_PORT (8080)
#   deploy/local-cluster.sh status      instances and their readiness, PgBouncer's pools,
#                                       HAProxy's view of the backends
#   deploy/local-cluster.sh restart [I...]  instances I (default all), one at a time: out of HAProxy's
#                                       rotation, stopped gracefully, started again (a rebuilt jar,
#                                       this shell's settings) on the same port, back in rotation
#   deploy/local-cluster.sh down        stops everything it started; no process is left
# Settings (environment): DATABASE_URL (default jdbc:postgresql://127.0.0.1:5432/shortlease?user=postgres;
# the database is created when missing and psql is there), CLUSTER_PORT (8080), CLUSTER_DIR
# (deploy/.cluster: configs, pids, logs), PGBOUNCER_SERVER_CONNECTIONS (10), ADMIN_TOKEN (generated);
# STATS_PORT, PGBOUNCER_PORT and INSTANCE_PORT (instance i listens on INSTANCE_PORT + i - 1) fix
# the internal ports, which are otherwise picked free;
# every other service setting (DB_POOL_SIZE, LLM_PROVIDER, ...) is passed to the instances as is.
# SHORTLEASE_CLASSPATH runs the instances from a class path instead of the built jar;
# CLUSTER_START_TIMEOUT (300 s) is how long an instance may take to become ready.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
dir=${CLUSTER_DIR:-$root/deploy/.cluster}
jar=bootstrap/target/bootstrap-0.1.0-SNAPSHOT.jar

say() { echo "local-cluster: $*" >&2; }
die() {
  say "$*"
  exit 1
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Ports come from below the kernel's ephemeral range: a port inside it can be taken, between the pick
# and the bind, as the local end of any outgoing connection (an instance's to PgBouncer, say), which
# the "nobody listens" probe cannot see.
# Sets the variable named $1 (not echoed: a subshell would forget what was picked) to $2 when
# given (a port the operator fixed), else to a free port.
picked=" "
free_port() {
  if [ -n "${2:-}" ]; then
    [[ $2 =~ ^[1-9][0-9]*$ ]] && [ "$2" -le 65535 ] || die "a port must be a number up to 65535, was '$2'"
    ! (exec 3<>"/dev/tcp/127.0.0.1/$2") 2>/dev/null || die "port $2 is in use"
    picked+="$2 "
    printf -v "$1" '%s' "$2"
    return
  fi
  local _candidate _low=32768 _first=10000
  read -r _low _ </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || true
  [ "$_low" -gt $((_first + 1000)) ] || _first=1024
  for _ in $(seq 1 50); do
    _candidate=$((_first + RANDOM % (_low - _first)))
    [[ $picked == *" $_candidate "* ]] && continue
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$_candidate") 2>/dev/null; then
      picked+="$_candidate "
      printf -v "$1" '%s' "$_candidate"
      return
    fi
  done
  die "no free port found"
}

wait_ready() { # url seconds pidfile log
  local deadline=$((SECONDS + $2))
  while [ $SECONDS -lt "$deadline" ]; do
    alive "$3" || die "$(basename "$4" .log) exited; see $4"
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)" = 200 ] && return 0
    sleep 0.5
  done
  die "$1 not ready after $2 s; see $4"
}

fill() { # template out key=value...: replaces @key@ by value
  local template=$1 out=$2 expr=()
  shift 2
  for pair in "$@"; do
    expr+=(-e "s|@${pair%%=*}@|${pair#*=}|g")
  done
  sed "${expr[@]}" "$template" >"$out"
}

parse_database_url() {
  local url=${DATABASE_URL:-jdbc:postgresql://127.0.0.1:5432/shortlease?user=postgres}
  [[ $url =~ ^jdbc:postgresql://([^/:?]+)(:([0-9]+))?/([^?]+)(\?(.*))?$ ]] ||
    die "DATABASE_URL must look like jdbc:postgresql://host[:port]/database[?user=...], was '$url'"
  db_host=${BASH_REMATCH[1]}
  db_port=${BASH_REMATCH[3]:-5432}
  db_name=${BASH_REMATCH[4]}
  local params=${BASH_REMATCH[6]:-}
  db_user=${DATABASE_USER:-$(tr '&' '\n' <<<"$params" | sed -n 's/^user=//p')}
  db_user=${db_user:-postgres}
  db_password=${DATABASE_PASSWORD:-$(tr '&' '\n' <<<"$params" | sed -n 's/^password=//p')}
  direct_url="jdbc:postgresql://$db_host:$db_port/$db_name?user=$db_user${db_password:+&password=$db_password}"
}

ensure_database() {
  command -v psql >/dev/null || {
    say "psql not found: cannot check that database $db_name exists (apt-get install postgresql-client)"
    return
  }
  local exists
  exists=$(PGPASSWORD=$db_password psql -h "$db_host" -p "$db_port" -U "$db_user" -d postgres -tAc \
    "select 1 from pg_database where datname = '$db_name'") || die "cannot reach PostgreSQL at $db_host:$db_port"
  if [ "$exists" != 1 ]; then
    say "creating database $db_name"
    PGPASSWORD=$db_password psql -q -h "$db_host" -p "$db_port" -U "$db_user" -d postgres \
      -c "create database \"$db_name\"" >/dev/null
  fi
}

build_if_needed() {
  . scripts/pick-jdk.sh
  # SHORTLEASE_CLASSPATH: run dev.shortlease.bootstrap.Main from these classes instead of the jar
  # (the tests do, from their own class path; so can an IDE build).
  [ -n "${SHORTLEASE_CLASSPATH:-}" ] && return
  if why=$(scripts/needs-build.sh "$jar"); then
    say "building ($why) ..."
    ./mvnw -B -q -pl bootstrap -am -DskipTests -Dspotless.check.skip=true package
    touch "$jar"
  fi
}

start_pgbouncer() {
  local as=()
  # PgBouncer refuses to run as root; the generated files are readable by the user it switches to.
  [ "$(id -u)" -eq 0 ] && as=(-u nobody)
  fill deploy/pgbouncer.ini.in "$dir/pgbouncer.ini" \
    DB_HOST="$db_host" DB_PORT="$db_port" DB_NAME="$db_name" DB_USER="$db_user" \
    DB_PASSWORD="${db_password:+password=$db_password}" LISTEN_PORT="$pgbouncer_port" \
    SERVER_CONNECTIONS="${PGBOUNCER_SERVER_CONNECTIONS:-10}" DIR="$dir"
  printf '"%s" ""\n' "$db_user" >"$dir/userlist.txt"
  chmod 755 "$dir"
  chmod 644 "$dir/pgbouncer.ini" "$dir/userlist.txt"
  nohup /usr/sbin/pgbouncer "${as[@]}" "$dir/pgbouncer.ini" >"$dir/pgbouncer.log" 2>&1 &
  echo $! >"$dir/pgbouncer.pid"
  for _ in $(seq 1 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$pgbouncer_port") 2>/dev/null && return
    alive "$dir/pgbouncer.pid" || die "pgbouncer exited; see $dir/pgbouncer.log"
    sleep 0.1
  done
  die "pgbouncer does not listen on $pgbouncer_port; see $dir/pgbouncer.log"
}

start_instance() { # index [port]: a restart keeps the instance's port, so HAProxy's config holds
  local i=$1 port
  if [ -n "${2:-}" ]; then
    port=$2
  else
    free_port port "${INSTANCE_PORT:+$((INSTANCE_PORT + i - 1))}"
  fi
  mkdir -p "$dir/instance-$i"
  echo "$port" >"$dir/instance-$i/port"
  (
    export HOST=127.0.0.1 PORT=$port ADMIN_TOKEN=$admin_token DEMO_APP=false
    # Queries go through PgBouncer (DATABASE_POOLER=pgbouncer: no session state, no named
    # prepared statements); Flyway migrates straight to PostgreSQL (its lock is session state).
    export DATABASE_URL="jdbc:postgresql://127.0.0.1:$pgbouncer_port/shortlease?user=$db_user"
    export DATABASE_POOLER=pgbouncer DATABASE_MIGRATION_URL=$direct_url
    # Every client reaches the instances from HAProxy's address: believe its X-Forwarded-For.
    export TRUSTED_PROXIES=${TRUSTED_PROXIES:-127.0.0.1}
    export FILES_DIR=${FILES_DIR:-$dir/files} ANSWER_SPOOL_DIR=$dir/instance-$i/spool
    unset DATABASE_USER DATABASE_PASSWORD
    local launch=(-jar "$root/$jar")
    [ -n "${SHORTLEASE_CLASSPATH:-}" ] && launch=(-cp "$SHORTLEASE_CLASSPATH" dev.shortlease.bootstrap.Main)
    # shellcheck disable=SC2086 # CLUSTER_JAVA_OPTS is a list of JVM options
    # Appended: a restarted instance's log follows its earlier one.
    nohup "$JAVA_HOME/bin/java" ${CLUSTER_JAVA_OPTS:--Xmx512m} "${launch[@]}" \
      >>"$dir/instance-$i/service.log" 2>&1 &
    echo $! >"$dir/instance-$i/pid"
  )
}

servers_lines() {
  for d in "$dir"/instance-*; do
    echo "    server $(basename "$d") 127.0.0.1:$(cat "$d/port") check"
  done
}

start_haproxy() {
  local servers
  servers=$(servers_lines)
  fill deploy/haproxy.cfg.in "$dir/haproxy.cfg.tmp" LISTEN_PORT="$cluster_port" STATS_PORT="$stats_port"
  awk -v servers="$servers" '$0 == "@SERVERS@" { print servers; next } { print }' \
    "$dir/haproxy.cfg.tmp" >"$dir/haproxy.cfg"
  rm "$dir/haproxy.cfg.tmp"
  /usr/sbin/haproxy -c -q -f "$dir/haproxy.cfg" || die "invalid $dir/haproxy.cfg"
  nohup /usr/sbin/haproxy -db -f "$dir/haproxy.cfg" >"$dir/haproxy.log" 2>&1 &
  echo $! >"$dir/haproxy.pid"
}

up() {
  local n=${N:-3}
  while [ $# -gt 0 ]; do
    case $1 in
      -n | --instances) n=${2:?}; shift 2 ;;
      --instances=*) n=${1#*=}; shift ;;
      *) die "unknown option $1 (up [-n N])" ;;
    esac
  done
  [[ $n =~ ^[1-9][0-9]*$ ]] || die "N must be a positive number, was '$n'"
  if [ -f "$dir/cluster.env" ]; then
    die "a cluster is already up (or was not taken down) in $dir: run '$0 down' first"
  fi
  scripts/ensure-packages.sh pgbouncer haproxy
  command -v curl >/dev/null || die "curl is needed (apt-get install curl)"
  parse_database_url
  ensure_database
  build_if_needed
  mkdir -p "$dir"
  rm -rf "$dir"/instance-* # logs of an earlier cluster
  cluster_port=${CLUSTER_PORT:-8080}
  free_port stats_port "${STATS_PORT:-}"
  free_port pgbouncer_port "${PGBOUNCER_PORT:-}"
  admin_token=${ADMIN_TOKEN:-admin-$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)}
  cat >"$dir/cluster.env" <<EOF
CLUSTER_PORT=$cluster_port
STATS_PORT=$stats_port
PGBOUNCER_PORT=$pgbouncer_port
DB_USER=$db_user
ADMIN_TOKEN=$admin_token
MIGRATION_URL=$(printf '%q' "$direct_url")
EOF
  chmod 600 "$dir/cluster.env"
  # A start that fails half-way stops what it started, and keeps the logs.
  trap 'status=$?; [ $status -eq 0 ] || [ "$BASH_SUBSHELL" -gt 0 ] || { say "start failed; stopping what was started"; down; }' EXIT
  start_pgbouncer
  say "PgBouncer (transaction mode, at most ${PGBOUNCER_SERVER_CONNECTIONS:-10} server connections) on 127.0.0.1:$pgbouncer_port"
  # All at once: Flyway's lock (on its direct connection) lets one instance migrate, the others
  # wait for it and find the schema current.
  for i in $(seq 1 "$n"); do start_instance "$i"; done
  for i in $(seq 1 "$n"); do
    wait_ready "http://127.0.0.1:$(cat "$dir/instance-$i/port")/health/ready" "${CLUSTER_START_TIMEOUT:-300}" \
      "$dir/instance-$i/pid" "$dir/instance-$i/service.log"
  done
  say "$n instance(s) ready"
  start_haproxy
  wait_ready "http://127.0.0.1:$cluster_port/health/ready" 30 "$dir/haproxy.pid" "$dir/haproxy.log"
  cat <<EOF
shortlease cluster is running at http://127.0.0.1:$cluster_port ($n instances behind HAProxy)
  HAProxy stats: http://127.0.0.1:$stats_port/stats
  PgBouncer:     127.0.0.1:$pgbouncer_port (psql -h 127.0.0.1 -p $pgbouncer_port -U $db_user pgbouncer -c 'show pools')
  database:      $db_host:$db_port/$db_name
  admin token:   $admin_token
  state, logs:   $dir
Create an app (its key is shown once), then chat through the balancer as README shows:
  curl -s -X POST http://127.0.0.1:$cluster_port/admin/apps -H 'Authorization: Bearer $admin_token' \\
    -H 'Content-Type: application/json' -d '{"name": "Support", "mode": "chat"}'
EOF
}

status() {
  [ -f "$dir/cluster.env" ] || {
    echo "no cluster in $dir"
    return 0
  }
  . "$dir/cluster.env"
  echo "instances:"
  for d in "$dir"/instance-*; do
    [ -d "$d" ] || continue
    local port ready=down
    port=$(cat "$d/port")
    if alive "$d/pid"; then
      ready=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true)
      ready="pid $(cat "$d/pid"), /health/ready $ready"
    else
      ready="not running"
    fi
    printf '  %-12s 127.0.0.1:%-6s %s\n' "$(basename "$d")" "$port" "$ready"
  done
  echo "pgbouncer: $(alive "$dir/pgbouncer.pid" && echo "pid $(cat "$dir/pgbouncer.pid")" || echo "not running") on 127.0.0.1:$PGBOUNCER_PORT"
  if alive "$dir/pgbouncer.pid"; then
    if command -v psql >/dev/null; then
      psql -h 127.0.0.1 -p "$PGBOUNCER_PORT" -U "$DB_USER" -d pgbouncer -c 'show pools' |
        sed 's/^/  /'
    else
      echo "  (psql not found: apt-get install postgresql-client to see SHOW POOLS)"
    fi
  fi
  echo "haproxy: $(alive "$dir/haproxy.pid" && echo "pid $(cat "$dir/haproxy.pid")" || echo "not running") on 127.0.0.1:$CLUSTER_PORT, stats http://127.0.0.1:$STATS_PORT/stats"
  if alive "$dir/haproxy.pid"; then
    # The stats page's CSV: proxy, server, status, current sessions, total sessions, check result.
    curl -s "http://127.0.0.1:$STATS_PORT/stats;csv" |
      awk -F, '$1 == "instances" { printf "  %-10s %-10s %-6s sessions %s (total %s) %s\n", $2, $18, $37, $5, $8, $38 }'
  fi
}

# HAProxy's stats page takes admin actions from 127.0.0.1 (deploy/haproxy.cfg.in): the answer
# redirects to ...;st=DONE when the action was applied.
set_server_state() { # server drain|ready
  local answer
  answer=$(curl -s -o /dev/null -w '%{redirect_url}' -X POST -d "s=$1&action=$2&b=instances" \
    "http://127.0.0.1:$STATS_PORT/stats" || true)
  [[ $answer == *st=DONE* ]] || die "HAProxy did not set $1 to $2 (answer: ${answer:-none})"
}

server_status() { # server: UP, DOWN, DRAIN, ... as HAProxy's stats CSV says
  curl -s "http://127.0.0.1:$STATS_PORT/stats;csv" |
    awk -F, -v server="$1" '$1 == "instances" && $2 == server { print $18 }'
}

wait_in_rotation() { # server seconds
  local deadline=$((SECONDS + $2)) status=
  while [ $SECONDS -lt "$deadline" ]; do
    status=$(server_status "$1")
    [ "$status" = UP ] && return 0
    sleep 0.5
  done
  die "$1 is not back in HAProxy's rotation after $2 s (status ${status:-unknown})"
}

restart() { # [index...]: one at a time, so the others serve while one restarts
  [ -f "$dir/cluster.env" ] || die "no cluster in $dir: run '$0 up' first"
  . "$dir/cluster.env"
  local indexes=("$@") all=()
  for d in "$dir"/instance-*; do [ -d "$d" ] && all+=("${d##*-}"); done
  [ ${#indexes[@]} -gt 0 ] || indexes=("${all[@]}")
  for i in "${indexes[@]}"; do
    [[ $i =~ ^[1-9][0-9]*$ ]] && [ -d "$dir/instance-$i" ] ||
      die "no instance '$i' (instances: ${all[*]})"
  done
  [ ${#all[@]} -gt 1 ] || say "one instance only: chats are refused while it restarts"
  build_if_needed
  admin_token=$ADMIN_TOKEN pgbouncer_port=$PGBOUNCER_PORT db_user=$DB_USER direct_url=$MIGRATION_URL
  for i in "${indexes[@]}"; do restart_instance "$i"; done
}

restart_instance() { # index
  local i=$1 d="$dir/instance-$1" port
  port=$(cat "$d/port")
  # Out of rotation first: new chats go to the others at once, instead of reaching this one
  # between its SIGTERM and HAProxy's second failed check (503s, which HAProxy does not resend).
  set_server_state "instance-$i" drain
  say "instance-$i out of rotation; stopping it (its running answers finish or are saved)"
  stop_pidfile "$d/pid" $((${SHUTDOWN_GRACE_SECONDS:-8} + 7))
  free_port port "$port" # free again, and not taken meanwhile
  start_instance "$i" "$port"
  wait_ready "http://127.0.0.1:$port/health/ready" "${CLUSTER_START_TIMEOUT:-300}" "$d/pid" "$d/service.log"
  set_server_state "instance-$i" ready
  wait_in_rotation "instance-$i" 30
  say "instance-$i restarted (pid $(cat "$d/pid")) and back in rotation"
}

stop_pidfile() { # pidfile seconds-before-kill
  alive "$1" || {
    rm -f "$1"
    return 0
  }
  local pid
  pid=$(cat "$1")
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 $(($2 * 10))); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "pid $pid did not stop in $2 s: SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$1"
}

down() {
  [ -d "$dir" ] || {
    echo "no cluster in $dir"
    return 0
  }
  # Instances first (readiness turns 503, HAProxy takes them out, running streams finish or are
  # saved as stopped within SHUTDOWN_GRACE_SECONDS), then the balancer, then the pooler.
  for d in "$dir"/instance-*; do
    [ -f "$d/pid" ] && alive "$d/pid" && kill -TERM "$(cat "$d/pid")" 2>/dev/null || true
  done
  for d in "$dir"/instance-*; do
    [ -f "$d/pid" ] && stop_pidfile "$d/pid" $((${SHUTDOWN_GRACE_SECONDS:-8} + 7))
  done
  [ -f "$dir/haproxy.pid" ] && stop_pidfile "$dir/haproxy.pid" 5
  [ -f "$dir/pgbouncer.pid" ] && stop_pidfile "$dir/pgbouncer.pid" 5
  rm -f "$dir/cluster.env"
  say "stopped; logs kept in $dir"
}

case "${1:-}" in
  up) shift; up "$@" ;;
  status) status ;;
  restart) shift; restart "$@" ;;
  down) down ;;
  *) die "usage: $0 up [-n N] | status | restart [I...] | down" ;;
esac
