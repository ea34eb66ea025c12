#!/usr/bin/env bash
# A newcomer's first start and a restart (issue L), timed the way the README's two commands are used:
# clones this repository into a fresh folder, runs `./mvnw spring-boot:run` there until the first GraphQL answer
# (fresh clone: compiling, empty store, sample bulk load, migrations, analysis), stops it, and runs it again on the
# same store (restart; the first restart of a build records the JDK class cache, later ones use it, see the pom).
# Each start's log is kept under the work folder; the lines that time its parts are printed.
#   bench/first-start.sh [RESTARTS]     (default 2)
# Run it on a quiet machine, alone: a second JVM on 2 cores slows each start several times.
set -euo pipefail
cd "$(dirname "$0")/.."
RESTARTS=${1:-2}
WORK=$(mktemp -d /tmp/powerkg-first-start-XXXX)
git clone -q . "$WORK/clone"
cd "$WORK/clone"
QUERY='{"query":"{ customer(id: \"C00000042\") { id } }"}'
PID=
stop() { # prints how long the stop took (a start that recorded the class cache writes it when it stops)
  [ -z "$PID" ] && return 0
  local t0; t0=$(date +%s.%N)
  kill -TERM -- -"$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  while pgrep -f "$WORK/clone/target/run" > /dev/null; do sleep 0.1; done
  printf '  stopped in %.1f s\n' "$(echo "$(date +%s.%N) - $t0" | bc)"
  PID=
}
trap 'stop; echo "logs kept in $WORK"' EXIT

start() { # $1: name; prints seconds until the first answer
  local name=$1 t0 t1
  t0=$(date +%s.%N)
  setsid ./mvnw -q spring-boot:run > "$WORK/$name.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 1200); do
    if curl -fs -u admin:admin -H 'Content-Type: application/json' -d "$QUERY" http://127.0.0.1:8080/graphql 2>/dev/null \
        | grep -q C00000042; then
      t1=$(date +%s.%N)
      printf '%s: first GraphQL answer after %.1f s (load average %s; class cache: %s; JIT: %s)\n' "$name" "$(echo "$t1 - $t0" | bc)" \
        "$(cut -d' ' -f1-3 /proc/loadavg)" "$(cut -d' ' -f1 target/run/class-cache.args | tr -d '"' | sed 's/=.*//')" \
        "$(grep -q 'TieredStopAtLevel=1' target/run/class-cache.args && echo 'quick compiler only' || echo full)"
      grep -E "Started PowerKgApplication|Neo4j .*started|migrat|Imported|published after|bulk" "$WORK/$name.log" \
        | sed -E 's/^([0-9T:.-]+)Z? +[A-Z]+ [0-9]+ --- \[[^]]*\] \[ *[^]]*\] ([^ ]+) *: /\1 \2: /' | cut -c1-220 | sed 's/^/  /'
      return 0
    fi
    kill -0 "$PID" 2>/dev/null || { echo "$name: the service stopped; see $WORK/$name.log"; tail -20 "$WORK/$name.log"; exit 1; }
    sleep 0.25
  done
  echo "$name: no answer after 300 s"; exit 1
}

echo "commit $(git rev-parse --short HEAD), $(date -u +%FT%TZ), $(nproc) cores"
start fresh-clone
stop
for i in $(seq 1 "$RESTARTS"); do
  start "restart-$i"
  stop
done
