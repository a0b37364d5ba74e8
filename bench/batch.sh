#!/usr/bin/env bash
# One batch of N communities (eligibility only, completion years 1985-2014, a third with deficiencies) posted to
# /api/v1/assessments/batch of the packaged jar, after six warm-up batches. Reports curl's timings on loopback:
# time to the first byte of the streamed answer and to its last byte. Needs the packaged jar and python3.
#   bench/batch.sh [items] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
ITEMS="${1:-10000}"
RUNS="${2:-5}"
PORT="${PORT:-18082}"
JAR="$(ls target/renovation-decision-service-*.jar | grep -v original | head -1)"
BATCH="$(mktemp --suffix=.json)"
python3 - "$ITEMS" > "$BATCH" <<'PY'
import json, sys
n = int(sys.argv[1])
items = [{"eligibility": {
    "communityName": f"鹿城区第{i}小区", "completionYear": 1985 + i % 30,
    "housingKind": "ORDINARY_RESIDENTIAL_COMMUNITY", "listedInShantyRenovationPlan": False,
    "deficiencies": {"functionsIncomplete": i % 3 == 0, "facilitiesIncomplete": i % 3 == 0,
                     "propertyManagementInadequate": i % 3 == 0},
    "strongRenovationWillingness": True, "evaluationDate": "2026-03-01"}} for i in range(n)]
print(json.dumps({"items": items}, ensure_ascii=False))
PY
echo "batch of $ITEMS items, $(wc -c < "$BATCH") bytes"

java -XX:+ExitOnOutOfMemoryError ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --renovation.data-dir= --renovation.receipts.mode=off \
  --spring.datasource.url=jdbc:h2:mem:batch > target/batch-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -f "$BATCH"' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do sleep 0.5; done

post() {
  curl -s -o target/batch-answer.json -w "$1" -H 'Content-Type: application/json' --data-binary @"$BATCH" \
    "http://127.0.0.1:$PORT/api/v1/assessments/batch"
}
for warmup in 1 2 3 4 5 6; do post "" ; done
for run in $(seq "$RUNS"); do
  post "run $run: HTTP %{http_code}, first byte %{time_starttransfer} s, complete %{time_total} s, %{size_download} bytes\n"
done
python3 -c "import json,sys; a=json.load(open('target/batch-answer.json')); r=a['results'] if isinstance(a,dict) else a; print('results:', len(r), 'statuses:', sorted({x['status'] for x in r}))" 2>/dev/null \
  || head -c 300 target/batch-answer.json
