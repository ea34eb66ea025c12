#!/usr/bin/env bash
# Benchmark at a given size (issues H, I, J): generate SIZE customers x (MONTHS + 1) months, load the first MONTHS into a
# fresh embedded store (the bulk importer), then the newest month as a monthly delta (transactional), run the analytics,
# serve the store and load-test GraphQL; prints one table (and writes it to bench/results/SIZE.md).
# Usage: bench/run.sh SIZE [MONTHS]    e.g. bench/run.sh 100000
# Needs JDK 25 (JAVA_HOME or /usr/lib/jvm/temurin-25-jdk-amd64) and GNU time (/usr/bin/time). Work files go to
# bench/work/ (ignored by git; about 5 GB of CSV and 10 GB of store per million customers).
# BENCH_STEPS picks steps (default "generate import analyze serve"): e.g. BENCH_STEPS=serve load-tests the store an
# earlier run left, with the jar just built; the table then shows the figures each step last wrote.
set -euo pipefail
SIZE=${1:?usage: bench/run.sh SIZE [MONTHS]}
MONTHS=${2:-24}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -x "$JAVA_HOME/bin/java" ] && "$JAVA_HOME/bin/java" -version 2>&1 | grep -q '"25' || JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
HEAP=${BENCH_HEAP:-4g}
PAGE_CACHE=${BENCH_PAGE_CACHE:-6g}
PORT=${BENCH_PORT:-18080}
CLIENTS=${BENCH_CLIENTS:-1,32}  # one client shows the cost of a request, 32 the queueing on 2 cores
SECONDS_PER_QUERY=${BENCH_SECONDS:-30}
# the service's request timeout (30 s by default): raise it to time a collection plan that takes longer
REQUEST_TIMEOUT=${BENCH_REQUEST_TIMEOUT:-30s}
AS_OF=2026-11-20
WORK="$ROOT/bench/work/$SIZE"
OUT="$ROOT/bench/results"
mkdir -p "$WORK" "$OUT"
STEPS=" ${BENCH_STEPS:-generate import delta analyze serve} "
step() { [[ "$STEPS" == *" $1 "* ]]; }
BUILT=$(ls "$ROOT"/target/power-customer-kg-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$BUILT" ]; then
  (cd "$ROOT" && ./mvnw -q -B package -DskipTests)
  BUILT=$(ls "$ROOT"/target/power-customer-kg-*.jar | grep -v original | head -1)
fi
# a copy, so that a rebuild during a long run does not pull classes from under the running JVM
JAR="$WORK/service.jar"
cp "$BUILT" "$JAR"
STORE="--powerkg.neo4j.embedded.data-directory=$WORK/store --powerkg.neo4j.embedded.page-cache=$PAGE_CACHE"
JVM="-Xmx$HEAP -XX:+UseG1GC"
# the serving JVM's collector: the parallel one by default since 2026-12-04 (a plan of another date at 1M builds about a
# GB that lives until it is answered, and G1's young pauses copying it on 2 cores took about half of the plan's time;
# docs/benchmarks.md); BENCH_SERVE_GC=-XX:+UseG1GC measures as before that date
SERVE_JVM="-Xmx$HEAP ${BENCH_SERVE_GC:--XX:+UseParallelGC}"
# timed NAME command...: seconds and peak RSS (KB) go to $WORK/NAME.time, read back by the table
COMMIT=$(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo unknown)
timed() { local name=$1; shift; echo "$COMMIT" > "$WORK/$name.commit"; /usr/bin/time -f "%e %M" -o "$WORK/$name.time" "$@"; }
rss_mb() { local kb; kb=$(figure "$1" 2); [[ $kb =~ ^[0-9]+$ ]] && echo $((kb / 1024)) || echo "?"; }
figure() { [ -f "$WORK/$1.time" ] && awk -v f="$2" '{print $f}' "$WORK/$1.time" || echo "?"; }

if step generate; then
  echo "== generate $SIZE customers x $((MONTHS + 1)) months, split into $MONTHS months and a monthly delta"
  rm -rf "$WORK/gen" "$WORK/first" "$WORK/delta"
  timed generate "$JAVA" -jar "$JAR" generate --customers "$SIZE" --months $((MONTHS + 1)) --seed 7 --out "$WORK/gen" > "$WORK/generate.log" 2>&1
  "$JAVA" "$ROOT/bench/SplitMonth.java" "$WORK/gen" "$WORK/first" "$WORK/delta" > "$WORK/split.log"
  rm -rf "$WORK/gen"
fi

if step import; then
  echo "== first load (bulk importer into an empty store)"
  rm -rf "$WORK/store"
  timed import "$JAVA" $JVM -jar "$JAR" import "$WORK/first" $STORE --powerkg.neo4j.embedded.bolt-port=0 \
    --powerkg.import.reports-directory="$WORK/reports" > "$WORK/import.log" 2>&1
  du -sm "$WORK/store" | awk '{print $1}' > "$WORK/store.mb"
fi

if step delta; then
  echo "== monthly delta (transactional)"
  timed delta "$JAVA" $JVM -jar "$JAR" import "$WORK/delta" $STORE --powerkg.neo4j.embedded.bolt-port=0 \
    --powerkg.import.reports-directory="$WORK/reports" > "$WORK/delta.log" 2>&1
fi

if step analyze; then
  echo "== analyze"
  timed analyze "$JAVA" $JVM -jar "$JAR" analyze --as-of $AS_OF $STORE --powerkg.neo4j.embedded.bolt-port=0 > "$WORK/analyze.log" 2>&1
fi

if step serve; then
echo "== serve and load-test GraphQL ($CLIENTS clients, $SECONDS_PER_QUERY s per query)"
"$JAVA" $SERVE_JVM -jar "$JAR" $STORE --server.port=$PORT --powerkg.neo4j.embedded.bolt-port=0 \
  --powerkg.sample.load-on-empty-database=false --powerkg.graphql.timeout=$REQUEST_TIMEOUT \
  --powerkg.graphql.warm-up=false > "$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null && break
  sleep 1
done
# plan DATE: the first page of that date's collection plan, as "seconds/HTTP-code"
plan() {
  curl -s -o /dev/null -w '%{time_total}s/HTTP-%{http_code}' -u admin:admin -H 'Content-Type: application/json' \
    -d "{\"query\":\"{ collectionPlan(date: \\\"$1\\\", first: 1) { totalCount } }\"}" "http://127.0.0.1:$PORT/graphql"
}
# the first plan page of the run's date, alone and cold (the service's warm-up is off here, so that this figure stays
# comparable with earlier results; docs/benchmarks.md has what the warm-up saves)
PLAN_MS=$(plan $AS_OF)
# a date without a stored plan is planned from the graph
PLAN_OTHER=$(plan 2026-11-25)
# five more dates, one after another: the second plan of a service still has the JIT compiling, the rest are warm (issue
# J's target, per 100k due bills: the service logs each plan's due bills)
PLAN_WARM=$(for d in 2026-11-22 2026-11-23 2026-11-24 2026-11-26 2026-11-27; do plan $d; echo; done | paste -sd,)
PLAN_BILLS=$(grep -o 'collection plan for 2026-11-27: .* in [0-9]* ms ([0-9]* open bills' "$WORK/serve.log" | grep -o "([0-9]* open bills" | tr -dc 0-9 || true)
"$JAVA" "$ROOT/bench/LoadTest.java" "http://127.0.0.1:$PORT" admin:admin "$CLIENTS" "$SECONDS_PER_QUERY" "$SIZE" $AS_OF $SERVER > "$WORK/load.md"
SERVE_RSS=$(grep VmHWM "/proc/$SERVER/status" | awk '{print $2}')
HEAP_USED=$(curl -s -u admin:admin "http://127.0.0.1:$PORT/actuator/health" > /dev/null; "$JAVA_HOME/bin/jcmd" $SERVER GC.heap_info 2>/dev/null \
  | grep -E 'garbage-first heap|PSYoungGen|ParOldGen' | grep -o 'used [0-9]*K' | tr -dc '0-9\n' | awk '{s+=$1} END {print s}')
kill $SERVER; wait $SERVER 2>/dev/null || true; trap - EXIT
echo "$PLAN_MS $SERVE_RSS ${HEAP_USED:-0} $PLAN_OTHER ${PLAN_WARM:-?} ${PLAN_BILLS:-?}" > "$WORK/serve.figures"; echo "$COMMIT" > "$WORK/serve.commit"
fi
read -r PLAN_MS SERVE_RSS HEAP_USED PLAN_OTHER PLAN_WARM PLAN_BILLS < <(cat "$WORK/serve.figures" 2>/dev/null || echo "? 0 0 ? ? ?")

{
  echo "## $SIZE customers x $MONTHS months ($(date -u +%Y-%m-%d), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, -Xmx$HEAP, page cache $PAGE_CACHE, serving ${SERVE_JVM#-Xmx$HEAP })"
  echo
  echo "| step | seconds | peak RSS MB | detail |"
  echo "|---|---|---|---|"
  echo "| generate | $(figure generate 1) | | $(grep -oE '[0-9,]+ rows' "$WORK/generate.log" | tr -d ', rows' | paste -sd+ | bc) rows in 7 files |"
  echo "| first load (bulk) | $(figure import 1) | $(rss_mb import) | $(grep -o 'Imported .* rejected' "$WORK/import.log" | tail -1); store $(cat "$WORK/store.mb" 2>/dev/null || echo ?) MB |"
  echo "| monthly delta (transactional) | $(figure delta 1) | $(rss_mb delta) | $(grep -o 'Imported .* rejected' "$WORK/delta.log" | tail -1) |"
  echo "| analyze | $(figure analyze 1) | $(rss_mb analyze) | see stages below |"
  echo "| first page of the collection plan of $AS_OF | $PLAN_MS | | stored by the run |"
  echo "| collection plan of 2026-11-25 | $PLAN_OTHER | | planned from the graph (no run of that date) |"
  echo "| then of 2026-11-22, -23, -24, -26, -27 | ${PLAN_WARM:-?} | | one after another; ${PLAN_BILLS:-?} due bills on 2026-11-27 |"
  echo "| service under load | | $((SERVE_RSS / 1024)) | heap used after the load: $((HEAP_USED / 1024)) MB |"
  echo
  echo "First load per file, then the monthly delta per file:"
  echo
  echo '```'
  grep -E 'rows/s' "$WORK/import.log" | grep -vE 'INFO|rows so far' || true
  grep -E 'schema applied' "$WORK/import.log" || true
  echo
  grep -E 'rows/s' "$WORK/delta.log" | grep -vE 'INFO|rows so far' || true
  echo '```'
  echo
  echo "Analytics stages:"
  echo
  echo '```'
  grep -oE 'stage [0-9]/[0-9] \([a-z]+\) done in [0-9.]+ s' "$WORK/analyze.log" || true
  grep -oE 'histories: [0-9]+ customers, [0-9]+ rows read in [0-9.]+ s \([0-9]+ rows/s\)' "$WORK/analyze.log" || true
  echo '```'
  echo
  echo "Code measured (git describe): $(for s in generate import delta analyze serve; do printf '%s %s; ' $s "$(cat "$WORK/$s.commit" 2>/dev/null || echo -)"; done)"
  echo
  cat "$WORK/load.md" 2>/dev/null || true
} | tee "$OUT/$SIZE.md"
