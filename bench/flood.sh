#!/usr/bin/env bash
# Sign-in under attack (issue N): starts the service on a fresh store with the committed sample, then measures a signed-in
# user's portrait latency in quiet and flood phases (bench/Flood.java), 8 clients sending wrong passwords.
#   bench/flood.sh [FLOODERS] [SECONDS_PER_PHASE]
set -euo pipefail
cd "$(dirname "$0")/.."
FLOODERS=${1:-8}
SECONDS_PER_PHASE=${2:-20}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JAR=target/power-customer-kg-0.1.0-SNAPSHOT.jar
[ -f "$JAR" ] || ./mvnw -q -DskipTests package
WORK=$(mktemp -d /tmp/powerkg-flood-XXXX)
PORT=18080
"$JAVA" -jar "$JAR" --server.port=$PORT --powerkg.neo4j.embedded.data-directory="$WORK/data" \
  --powerkg.neo4j.embedded.bolt-port=0 > "$WORK/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null; rm -rf "$WORK"' EXIT
for i in $(seq 1 600); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" bench/Flood.java "http://127.0.0.1:$PORT" marketing:marketing "$FLOODERS" "$SECONDS_PER_PHASE" C00000042
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -c "Sign-ins throttled" "$WORK/service.log" | sed 's/^/throttling log lines: /'
