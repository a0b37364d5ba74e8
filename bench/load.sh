#!/usr/bin/env bash
# HTTP load on loopback with wrk (Debian package `wrk`): the eligibility endpoint against the echo baseline of the
# same application, same payload, same connections. Needs the packaged jar (mvn -B package -DskipTests).
#   bench/load.sh [seconds per run] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN="${1:-15}"
RUNS="${2:-3}"
PORT="${PORT:-18080}"
JAR="$(ls target/renovation-decision-service-*.jar | grep -v original | head -1)"
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 2; }

java -jar "$JAR" --server.port="$PORT" --renovation.benchmark.echo-endpoint=true --renovation.data-dir= \
  --renovation.receipts.mode=off --spring.datasource.url=jdbc:h2:mem:load > target/load-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do sleep 0.5; done

SCRIPT="$(mktemp --suffix=.lua)"
cat > "$SCRIPT" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"communityName":"鹿城区江滨小区","completionYear":1995,"housingKind":"ORDINARY_RESIDENTIAL_COMMUNITY","listedInShantyRenovationPlan":false,"deficiencies":{"functionsIncomplete":false,"facilitiesIncomplete":false,"propertyManagementInadequate":false},"strongRenovationWillingness":true,"evaluationDate":"2026-03-01"}'
LUA

for endpoint in benchmark/echo eligibility; do
  wrk -t2 -c16 -d10s -s "$SCRIPT" "http://127.0.0.1:$PORT/api/v1/$endpoint" >/dev/null   # warm-up
  for run in $(seq "$RUNS"); do
    echo "== $endpoint run $run"
    wrk -t2 -c16 -d"${SECONDS_PER_RUN}s" --latency -s "$SCRIPT" "http://127.0.0.1:$PORT/api/v1/$endpoint" \
      | grep -E "Requests/sec|Latency|99%|50%|Non-2xx"
  done
done
