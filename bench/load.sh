#!/usr/bin/env bash
# HTTP load on loopback: the eligibility endpoint against the echo baseline of the same application (same
# payload, same filters and JSON settings), needs the packaged jar (mvn -B package -DskipTests).
#  1. Maximum rate with wrk (Debian package `wrk`), echo and eligibility alternating run by run, so a slow
#     moment of this shared VM hits both alike; each pair gives a ratio.
#  2. Latency at half the median maximum rate of eligibility, with bench's PacedLoad (an open-loop HttpClient
#     harness: requests go out on schedule and are timed from when they were due; wrk cannot hold a rate):
#     p50 and p99 of both endpoints at the same rate.
#   bench/load.sh [seconds per run] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN="${1:-15}"
RUNS="${2:-5}"
PORT="${PORT:-18080}"
JAR="$(ls target/renovation-decision-service-*.jar | grep -v original | head -1)"
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 2; }
mvn -B -q -Pbench -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
PACED="java -cp target/test-classes:target/classes:$(cat target/bench-classpath.txt) cn.wenzhou.renovation.bench.PacedLoad"
# The echo baseline is test code, not in the jar: put just its classes beside the jar's own (loader.path).
rm -rf target/bench-echo && mkdir -p target/bench-echo/cn/wenzhou/renovation/benchmark
cp target/test-classes/cn/wenzhou/renovation/benchmark/EchoBaselineController*.class target/bench-echo/cn/wenzhou/renovation/benchmark/
BODY='{"communityName":"鹿城区江滨小区","completionYear":1995,"housingKind":"ORDINARY_RESIDENTIAL_COMMUNITY","listedInShantyRenovationPlan":false,"deficiencies":{"functionsIncomplete":false,"facilitiesIncomplete":false,"propertyManagementInadequate":false},"strongRenovationWillingness":true,"evaluationDate":"2026-03-01"}'

java -XX:+ExitOnOutOfMemoryError ${JAVA_OPTS:-} -Dloader.path=target/bench-echo -cp "$JAR" \
  org.springframework.boot.loader.launch.PropertiesLauncher --server.port="$PORT" --renovation.benchmark.echo-endpoint=true --renovation.data-dir= \
  --renovation.receipts.mode=off --spring.datasource.url=jdbc:h2:mem:load > target/load-server.log 2>&1 &
SERVER=$!
SCRIPT="$(mktemp --suffix=.lua)"
trap 'kill $SERVER 2>/dev/null || true; rm -f "$SCRIPT"' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do sleep 0.5; done
cat > "$SCRIPT" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '$BODY'
LUA

max_rate() { # endpoint seconds -> requests/s
  wrk -t2 -c16 -d"$2s" -s "$SCRIPT" "http://127.0.0.1:$PORT/api/v1/$1" | awk '/Requests\/sec/ {print $2}'
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

for endpoint in benchmark/echo eligibility; do max_rate "$endpoint" 10 >/dev/null; done   # warm-up
echo "== maximum rate (wrk -t2 -c16, ${SECONDS_PER_RUN}s per run)"
: > target/load-eligibility.txt
for run in $(seq "$RUNS"); do
  echo_rate=$(max_rate benchmark/echo "$SECONDS_PER_RUN")
  eligibility_rate=$(max_rate eligibility "$SECONDS_PER_RUN")
  echo "$eligibility_rate" >> target/load-eligibility.txt
  awk -v r="$run" -v e="$echo_rate" -v d="$eligibility_rate" \
    'BEGIN {printf "run %s: echo %.0f/s, eligibility %.0f/s, ratio %.0f%%\n", r, e, d, 100 * d / e}'
done
HALF=$(median < target/load-eligibility.txt | awk '{printf "%d", $1 / 2}')

echo "== latency at ${HALF} requests/s, half the median maximum of eligibility (PacedLoad, ${SECONDS_PER_RUN}s per run)"
for run in $(seq "$RUNS"); do
  for endpoint in benchmark/echo eligibility; do
    echo "run $run $endpoint: $($PACED "http://127.0.0.1:$PORT/api/v1/$endpoint" "$HALF" "$SECONDS_PER_RUN" "$BODY")"
  done
done
