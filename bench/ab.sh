#!/usr/bin/env bash
# A/B of two builds on the same machine minute: both jars run side by side and wrk alternates between them on the
# eligibility endpoint, so a slow moment of this shared VM hits both alike; each pair gives a ratio.
#   bench/ab.sh <jar A> <jar B> [pairs]
# Build A from an older commit, e.g. git worktree add /tmp/before <commit> && (cd /tmp/before && mvn -B -q package -DskipTests).
# Absolute rates are lower than bench/load.sh's: two JVMs share the cores. Read the ratios.
# WARMUP (seconds, default 120) of load on each jar first, in halves alternating: under load the JIT's compiler
# threads get a small share of the two cores. The same jar against itself (2026-12-06) still climbed from 2,850 to
# 6,400 requests/s over the first three pairs after 60 s, then held: pairs 4-8 gave 0.99-1.04.
set -euo pipefail
JAR_A="$1"; JAR_B="$2"; PAIRS="${3:-8}"
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 2; }
BODY='{"communityName":"鹿城区江滨小区","completionYear":1995,"housingKind":"ORDINARY_RESIDENTIAL_COMMUNITY","listedInShantyRenovationPlan":false,"deficiencies":{"functionsIncomplete":false,"facilitiesIncomplete":false,"propertyManagementInadequate":false},"strongRenovationWillingness":true,"evaluationDate":"2026-03-01"}'
start() {
  java -XX:+ExitOnOutOfMemoryError ${JAVA_OPTS:-} -jar "$1" --server.port="$2" --renovation.data-dir= --renovation.receipts.mode=off \
    --spring.datasource.url="jdbc:h2:mem:ab$2" > "target/ab-$2.log" 2>&1 &
  echo $!
}
mkdir -p target
A=$(start "$JAR_A" 18081)
B=$(start "$JAR_B" 18082)
SCRIPT="$(mktemp --suffix=.lua)"
trap 'kill $A $B 2>/dev/null || true; rm -f "$SCRIPT"' EXIT
for port in 18081 18082; do until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null; do sleep 0.5; done; done
cat > "$SCRIPT" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '$BODY'
LUA
rate() { wrk -t2 -c16 -d"$2" -s "$SCRIPT" "http://127.0.0.1:$1/api/v1/eligibility" | awk '/Requests\/sec/{print int($2)}'; }
WARMUP="${WARMUP:-120}"
for port in 18081 18082 18081 18082; do rate "$port" "$((WARMUP / 2))s" >/dev/null; done
for i in $(seq 1 "$PAIRS"); do
  a=$(rate 18081 8s); b=$(rate 18082 8s)
  echo "pair $i: A $a/s, B $b/s, B/A $(awk -v a="$a" -v b="$b" 'BEGIN{printf "%.2f", b/a}')"
done
