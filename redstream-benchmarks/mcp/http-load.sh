#!/usr/bin/env bash
# MCP over Streamable HTTP under load: the built jar on --http 0 with an API key, an embedded Redis, and
# http-load.mjs (50 concurrent authenticated clients by default). Loopback only; stops what it starts.
# Usage: redstream-benchmarks/mcp/http-load.sh [clients] [calls-per-client]
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
JAR="${REDSTREAM_MCP_JAR:-$ROOT/redstream-mcp-adapter/target/redstream-mcp.jar}"
[ -f "$JAR" ] || { echo "missing $JAR: build it first" >&2; exit 2; }
cd "$HERE"
npm install --no-audit --no-fund --loglevel=error >/dev/null
WORK="$(mktemp -d)"
PID=""
trap '[ -n "$PID" ] && kill -TERM "$PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT
KEY="$(java -jar "$JAR" keygen --roles admin --subject load --append "$WORK/keys.txt" 2>/dev/null)"
# No per-principal rate limit in the way: all clients share one key here.
java -jar "$JAR" --http 0 --api-keys-file "$WORK/keys.txt" --rate-limit 1000000 </dev/null >/dev/null 2>"$WORK/server.log" &
PID=$!
BASE=""
for _ in $(seq 1 300); do
  BASE="$(grep -o 'Streamable HTTP at http://127.0.0.1:[0-9]*' "$WORK/server.log" | head -n 1 | sed 's/.* at //' || true)"
  [ -n "$BASE" ] && break
  sleep 0.1
done
[ -n "$BASE" ] || { cat "$WORK/server.log" >&2; exit 2; }
timeout 300 node "$HERE/http-load.mjs" "$BASE" "$KEY" "${1:-50}" "${2:-200}"
