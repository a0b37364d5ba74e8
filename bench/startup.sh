#!/usr/bin/env bash
# Startup to the first successful decision: starts the packaged jar with every jurisdiction under rules/ and
# decision-tables/, posts one eligibility request as soon as the port accepts, and reports the wall time from
# `java -jar` to that 200, plus what the service logged as its own startup. Needs the packaged jar.
#   bench/startup.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-5}"
PORT="${PORT:-18081}"
JAR="$(ls target/renovation-decision-service-*.jar | grep -v original | head -1)"
BODY='{"communityName":"鹿城区江滨小区","completionYear":1995,"housingKind":"ORDINARY_RESIDENTIAL_COMMUNITY","listedInShantyRenovationPlan":false,"deficiencies":{"functionsIncomplete":false,"facilitiesIncomplete":false,"propertyManagementInadequate":false},"strongRenovationWillingness":true,"evaluationDate":"2026-03-01"}'

for run in $(seq "$RUNS"); do
  LOG="target/startup-$run.log"
  START=$(date +%s%N)
  java -XX:+ExitOnOutOfMemoryError ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --renovation.data-dir= --renovation.receipts.mode=off \
    --spring.datasource.url=jdbc:h2:mem:startup > "$LOG" 2>&1 &
  SERVER=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d "$BODY" \
      "http://127.0.0.1:$PORT/api/v1/eligibility" 2>/dev/null)" = 200 ]; do
    kill -0 $SERVER 2>/dev/null || { echo "the service stopped; see $LOG" >&2; exit 1; }
    sleep 0.05
  done
  END=$(date +%s%N)
  printf 'run %s: first decision after %d ms; %s\n' "$run" $(( (END - START) / 1000000 )) \
    "$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds[^)]*)' "$LOG" || echo 'no startup line')"
  kill $SERVER; wait $SERVER 2>/dev/null || true
done
