#!/usr/bin/env bash
# RedStream's MCP server against the official TypeScript Redis MCP server: same Redis, same client.
# Run from anywhere after `mvn -q install -DskipTests`. Installs its npm packages into ./node_modules.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
JAR="$ROOT/redstream-mcp-adapter/target/redstream-mcp.jar"
[ -f "$JAR" ] || { echo "build first: mvn -q install -DskipTests" >&2; exit 2; }
cd "$HERE"
npm install --no-audit --no-fund --loglevel=error >/dev/null

WORK="$(mktemp -d "${TMPDIR:-/tmp}/redstream-mcpbench.XXXXXX")"
REDIS_PID=""
cleanup() {
  exec 3>&- 2>/dev/null || true
  if [ -n "$REDIS_PID" ]; then wait "$REDIS_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# One shared Redis for both servers: the jar's embedded-redis subcommand prints its URI, stops on stdin EOF.
mkfifo "$WORK/in"
java -jar "$JAR" embedded-redis <"$WORK/in" >"$WORK/uri" 2>"$WORK/redis.log" &
REDIS_PID=$!
exec 3>"$WORK/in"
for _ in $(seq 1 100); do [ -s "$WORK/uri" ] && break; sleep 0.1; done
URI="$(head -1 "$WORK/uri")"
[ -n "$URI" ] || { echo "embedded Redis did not start" >&2; cat "$WORK/redis.log" >&2; exit 2; }

# The class-data archive, made by one normal run (see docs/mcp.md#faster-start-with-a-class-data-archive).
ARCHIVE="$WORK/redstream-mcp.jsa"
printf '%s\n' \
  '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}' \
  '{"jsonrpc":"2.0","method":"notifications/initialized"}' '{"jsonrpc":"2.0","id":2,"method":"tools/list"}' \
  '{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"redis_health","arguments":{}}}' \
  | java -Xlog:disable -Xlog:all=warning:stderr -XX:ArchiveClassesAtExit="$ARCHIVE" -jar "$JAR" --redis "$URI" \
  >/dev/null 2>"$WORK/archive.log" || true

node bench-mcp.mjs "$JAR" "$URI" "${CALLS:-1000}" "${LAUNCHES:-7}" "$( [ -s "$ARCHIVE" ] && echo "$ARCHIVE" )"
