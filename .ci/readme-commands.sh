#!/usr/bin/env bash
# Runs the shell commands README.md shows, as written, after the build (mvn install). The server commands run with
# stdin closed, which is how a person ends them (Ctrl-D); commands that write files run in a scratch directory.
# The Inspector commands are covered by .ci/interop/run.sh, which drives the same launcher with the Inspector CLI.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
scratch=$(mktemp -d "${TMPDIR:-/tmp}/redstream-readme.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
ok() { echo "ok   $*"; }
fail() { echo "FAIL $*" >&2; exit 1; }

# Set-up command 1 (after its build): the server on an embedded Redis, stopped by closing stdin.
env -u REDIS_URL timeout 120 bin/redstream-mcp </dev/null 2>"$scratch/serve.log" || fail "bin/redstream-mcp: $(tail -3 "$scratch/serve.log")"
grep -q "Waiting for an MCP client on stdin" "$scratch/serve.log" || fail "bin/redstream-mcp did not say what it serves"
ok "bin/redstream-mcp serves on an embedded Redis and stops when stdin closes"
bin/redstream-mcp --help >/dev/null || fail "bin/redstream-mcp --help"
ok "bin/redstream-mcp --help"

# Identity: an HS256 secret, a JWT from it, an API key.
cd "$scratch"
openssl rand -base64 32 > jwt.secret
jwt=$("$root/bin/redstream-mcp" token --jwt-secret-file jwt.secret --subject svc --roles task_write 2>/dev/null)
[[ "$jwt" =~ ^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$ ]] || fail "token did not print a JWT"
ok "openssl rand + bin/redstream-mcp token prints a JWT"
key=$("$root/bin/redstream-mcp" keygen --roles task_read,task_write 2>/dev/null)
[[ "$key" == rsk_* ]] || fail "keygen did not print an API key"
ok "bin/redstream-mcp keygen prints an API key"
cd "$root"

# Every example by its simple name, as the README's example list runs them; an unknown name lists them.
for example in QuickStart WorkerWithDeadLetters AgentState SecuredAccess TaskBoard PubSub Cluster; do
  env -u REDIS_URL mvn -B -ntp -q -pl examples exec:java -Dexample=$example >"$scratch/$example.log" 2>&1 \
    || fail "example $example: $(tail -5 "$scratch/$example.log")"
  ok "mvn -pl examples exec:java -Dexample=$example"
done
if env -u REDIS_URL mvn -B -ntp -q -pl examples exec:java -Dexample=NoSuchExample >"$scratch/unknown.log" 2>&1; then
  fail "an unknown example name succeeded"
fi
grep -q "run one of: " "$scratch/unknown.log" || fail "an unknown example name did not list the examples"
ok "an unknown example name lists the examples"
