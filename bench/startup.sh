#!/usr/bin/env bash
# Startup to the first successful decision, all jurisdictions under rules/ and decision-tables/ served: the README's
# launcher (target/app/run, with the build's class-data archive) against a baseline jar started plainly
# (java -jar; by default this build's own Spring Boot jar, or BASELINE_JAR, e.g. an older build), alternating round
# by round so a slow minute of this shared VM hits both; each round gives a ratio. Wall time from the start command
# to the first 200 of POST /api/v1/eligibility. Needs mvn -B package (which builds target/app). BASELINE_CMD
# replaces the baseline's whole command (another build's launcher, say).
#   [BASELINE_JAR=path | BASELINE_CMD="command"] bench/startup.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:-5}"
PORT="${PORT:-18081}"
JAR="$(ls target/renovation-decision-service-*.jar | grep -v original | head -1)"
BASELINE_JAR="${BASELINE_JAR:-$JAR}"
BODY='{"communityName":"鹿城区江滨小区","completionYear":1995,"housingKind":"ORDINARY_RESIDENTIAL_COMMUNITY","listedInShantyRenovationPlan":false,"deficiencies":{"functionsIncomplete":false,"facilitiesIncomplete":false,"propertyManagementInadequate":false},"strongRenovationWillingness":true,"evaluationDate":"2026-03-01"}'
ARGS=(--server.port="$PORT" --renovation.data-dir= --renovation.receipts.mode=off --spring.datasource.url=jdbc:h2:mem:startup)

first_decision_ms() { # label command... -> milliseconds from launch to the first 200
  local label="$1"; shift
  local log="target/startup-$label.log" start end server
  start=$(date +%s%N)
  "$@" "${ARGS[@]}" > "$log" 2>&1 &
  server=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d "$BODY" \
      "http://127.0.0.1:$PORT/api/v1/eligibility" 2>/dev/null)" = 200 ]; do
    kill -0 $server 2>/dev/null || { echo "the service stopped; see $log" >&2; exit 1; }
    sleep 0.05
  done
  end=$(date +%s%N)
  kill $server; wait $server 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}

: > target/startup-ratios.txt
for round in $(seq "$ROUNDS"); do
  # shellcheck disable=SC2086 # BASELINE_CMD is a command line, split on purpose
  baseline=$(first_decision_ms baseline ${BASELINE_CMD:-java -XX:+ExitOnOutOfMemoryError -jar "$BASELINE_JAR"})
  launcher=$(first_decision_ms launcher target/app/run)
  awk -v b="$baseline" -v l="$launcher" 'BEGIN {printf "%.3f\n", l / b}' >> target/startup-ratios.txt
  echo "round $round: baseline jar ${baseline} ms, launcher ${launcher} ms, ratio $(tail -1 target/startup-ratios.txt)"
done
echo "median ratio $(sort -n target/startup-ratios.txt | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')"
