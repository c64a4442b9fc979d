#!/usr/bin/env bash
# RedStream's MCP server against the official TypeScript Redis MCP server: same Redis, same client, interleaved.
# Prints the tables of docs/benchmarks.md ("MCP server"). Run from anywhere after building the jar
# (mvn -B -ntp -pl redstream-mcp-adapter -am package -DskipTests). Installs its npm packages into ./node_modules.
# Optional: JAVA25_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 adds the launcher on JDK 25; CALLS, LAUNCHES, WARMUPS.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
JAR="$ROOT/redstream-mcp-adapter/target/redstream-mcp.jar"
[ -f "$JAR" ] || { echo "build first: mvn -B -ntp -pl redstream-mcp-adapter -am package -DskipTests" >&2; exit 2; }
cd "$HERE"
echo "== npm install (TypeScript SDK client, official TypeScript Redis MCP server)" >&2
npm install --no-audit --no-fund --loglevel=error >/dev/null

WORK="$(mktemp -d "${TMPDIR:-/tmp}/redstream-mcpbench.XXXXXX")"
REDIS_PID=""
cleanup() {
  exec 3>&- 2>/dev/null || true
  if [ -n "$REDIS_PID" ]; then wait "$REDIS_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# One shared Redis for every server: the jar's embedded-redis subcommand prints its URI, stops on stdin EOF.
mkfifo "$WORK/in"
java -jar "$JAR" embedded-redis <"$WORK/in" >"$WORK/uri" 2>"$WORK/redis.log" &
REDIS_PID=$!
exec 3>"$WORK/in"
for _ in $(seq 1 100); do [ -s "$WORK/uri" ] && break; sleep 0.1; done
URI="$(head -1 "$WORK/uri")"
[ -n "$URI" ] || { echo "embedded Redis did not start" >&2; cat "$WORK/redis.log" >&2; exit 2; }

echo "== benchmark ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
REDSTREAM_JAR="$JAR" REDSTREAM_LAUNCHER="$ROOT/bin/redstream-mcp" \
  node bench-mcp.mjs "$URI" "${CALLS:-1000}" "${LAUNCHES:-7}"
