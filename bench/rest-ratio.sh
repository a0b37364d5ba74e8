#!/usr/bin/env bash
# Issue 21's HTTP ratio: the service's eligibility endpoint against a bare Spring Boot JSON endpoint (bench's
# BareEchoApplication: Tomcat, Spring MVC and Jackson only) with the same body, both running at once, wrk alternating
# between them run by run so a slow minute of this shared VM hits both alike; each pair gives a ratio. Then the
# latency of both at half the service's median maximum rate (PacedLoad, open loop, HdrHistogram percentiles).
# Needs the packaged jar (mvn -B package -DskipTests) and Debian's wrk.
#   [WARMUP=seconds] [LATENCY_RATE=requests/s] bench/rest-ratio.sh [seconds per run] [runs] [latency runs]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN="${1:-10}"
RUNS="${2:-5}"
LATENCY_RUNS="${3:-$RUNS}"
SERVICE_PORT="${SERVICE_PORT:-18080}"
BARE_PORT="${BARE_PORT:-18081}"
JAR="$(ls target/renovation-decision-service-*.jar | grep -v original | head -1)"
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 2; }
mvn -B -q -Pbench -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CLASSPATH_BENCH="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
BODY='{"communityName":"鹿城区江滨小区","completionYear":1995,"housingKind":"ORDINARY_RESIDENTIAL_COMMUNITY","listedInShantyRenovationPlan":false,"deficiencies":{"functionsIncomplete":false,"facilitiesIncomplete":false,"propertyManagementInadequate":false},"strongRenovationWillingness":true,"evaluationDate":"2026-03-01"}'

# Both JVMs get the same heap flags; the service as the README runs it (request log on, receipts off as in load.sh).
java -XX:+ExitOnOutOfMemoryError ${JAVA_OPTS:-} -jar "$JAR" --server.port="$SERVICE_PORT" --renovation.data-dir= \
  --renovation.receipts.mode=off --spring.datasource.url=jdbc:h2:mem:ratio > target/ratio-service.log 2>&1 &
SERVICE=$!
java -XX:+ExitOnOutOfMemoryError ${JAVA_OPTS:-} -cp "$CLASSPATH_BENCH" cn.wenzhou.renovation.bench.bare.BareEchoApplication \
  --server.port="$BARE_PORT" > target/ratio-bare.log 2>&1 &
BARE=$!
SCRIPT="$(mktemp --suffix=.lua)"
trap 'kill $SERVICE $BARE 2>/dev/null || true; rm -f "$SCRIPT"' EXIT
cat > "$SCRIPT" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '$BODY'
LUA
ready() { curl -sf -o /dev/null -H 'Content-Type: application/json' -d "$BODY" "http://127.0.0.1:$1/api/v1/eligibility"; }
until ready "$SERVICE_PORT" && ready "$BARE_PORT"; do sleep 0.5; done

max_rate() { # port seconds -> requests/s, failing the run on any non-2xx or socket error
  local out
  out=$(wrk -t2 -c16 -d"$2s" -s "$SCRIPT" "http://127.0.0.1:$1/api/v1/eligibility")
  if grep -q "Non-2xx\|Socket errors" <<<"$out"; then echo "errors on port $1:" >&2; echo "$out" >&2; exit 1; fi
  awk '/Requests\/sec/ {print $2}' <<<"$out"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# Warm-up until the JIT settles: the service's rates still climbed after 2 x 10 s (2026-12-06).
# Each endpoint is loaded twice for WARMUP seconds first. The service's JIT takes 2-3 minutes of load to settle on
# two cores (bench/ab.sh's A/A); with 2 x 30 s it measured 0.33 of bare, with 2 x 90 s 0.38.
WARMUP="${WARMUP:-90}"
for port in "$BARE_PORT" "$SERVICE_PORT" "$BARE_PORT" "$SERVICE_PORT"; do max_rate "$port" "$WARMUP" >/dev/null; done
echo "== maximum rate (wrk -t2 -c16, ${SECONDS_PER_RUN}s per run, alternating)"
: > target/ratio-service.txt
: > target/ratio-pairs.txt
for run in $(seq "$RUNS"); do
  bare=$(max_rate "$BARE_PORT" "$SECONDS_PER_RUN")
  service=$(max_rate "$SERVICE_PORT" "$SECONDS_PER_RUN")
  echo "$service" >> target/ratio-service.txt
  awk -v b="$bare" -v s="$service" 'BEGIN {printf "%.3f\n", s / b}' >> target/ratio-pairs.txt
  awk -v r="$run" -v b="$bare" -v s="$service" \
    'BEGIN {printf "run %s: bare %.0f/s, service eligibility %.0f/s, ratio %.2f\n", r, b, s, s / b}'
done
echo "median ratio $(median < target/ratio-pairs.txt)"
# Half the service's median maximum, unless LATENCY_RATE sets another rate.
HALF="${LATENCY_RATE:-$(median < target/ratio-service.txt | awk '{printf "%d", $1 / 2}')}"

PACED="java -cp $CLASSPATH_BENCH cn.wenzhou.renovation.bench.PacedLoad"
echo "== latency at ${HALF} requests/s (PacedLoad, ${SECONDS_PER_RUN}s per run)"
for run in $(seq "$LATENCY_RUNS"); do
  for port in "$BARE_PORT" "$SERVICE_PORT"; do
    echo "run $run port $port: $($PACED "http://127.0.0.1:$port/api/v1/eligibility" "$HALF" "$SECONDS_PER_RUN" "$BODY")"
  done
done
