// RedStream's MCP server side by side with the official TypeScript Redis MCP server: the same official TypeScript
// SDK client, the same Redis, calls interleaved one by one between the servers so both see the same machine.
//
// What an agent session sees: "ready" is the time from spawning a server to its tools/list answer (median of
// LAUNCHES); then fresh sessions warm up with W set/get calls each (W = 100: a session that just started; W = 5000:
// a long session) and the next CALLS set/get calls of each server are timed. Every table row is a median.
//
// Usage: node bench-mcp.mjs <redis-uri> [calls=1000] [launches=7]
// Environment: REDSTREAM_JAR, REDSTREAM_LAUNCHER (bin/redstream-mcp), JAVA25_HOME (adds the launcher on JDK 25),
// WARMUPS="100,5000", REDSTREAM_JAVA_OPTS (plain java -jar only, e.g. a profiler).
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir, cpus } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const [redisUri, callsArg = "1000", launchesArg = "7"] = process.argv.slice(2);
const calls = Number(callsArg);
const launches = Number(launchesArg);
const warmups = (process.env.WARMUPS ?? "100,5000").split(",").map(Number);
const jar = process.env.REDSTREAM_JAR;
const launcher = process.env.REDSTREAM_LAUNCHER;
const require = createRequire(import.meta.url);
const tsServer = require.resolve("@modelcontextprotocol/server-redis/dist/index.js");
const cacheDir = mkdtempSync(join(tmpdir(), "redstream-mcp-cache-"));
const javaOpts = (process.env.REDSTREAM_JAVA_OPTS ?? "").split(" ").filter((s) => s);

const ours = (name, command, args, env = {}) => ({
  name, command, args: [...args, "--redis", redisUri], env: { REDSTREAM_CACHE_DIR: cacheDir, ...env },
  set: (k, v) => ({ name: "redis_set", arguments: { key: k, value: v, ttl_seconds: 3600 } }),
  get: (k) => ({ name: "redis_get", arguments: { key: k } }),
  peer: false,
});
const servers = [
  ours("RedStream, java -jar", "java", [...javaOpts, "-jar", jar]),
  ...(launcher ? [ours("RedStream, bin/redstream-mcp", launcher, [])] : []),
  ...(launcher && process.env.JAVA25_HOME
    ? [ours("RedStream, bin/redstream-mcp, JDK 25", launcher, [], { JAVA_HOME: process.env.JAVA25_HOME })] : []),
  {
    name: "official TS server-redis", command: process.execPath, args: [tsServer, redisUri], env: {},
    set: (k, v) => ({ name: "set", arguments: { key: k, value: v, expireSeconds: 3600 } }),
    get: (k) => ({ name: "get", arguments: { key: k } }),
    peer: true,
  },
];

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

function environment(server) {
  const env = { ...process.env, ...server.env };
  delete env.REDIS_URL;
  return env;
}

async function connect(server) {
  const start = performance.now();
  const client = new Client({ name: "redstream-bench", version: "1.0.0" });
  await client.connect(new StdioClientTransport({ command: server.command, args: server.args, stderr: "ignore",
    env: environment(server) }));
  await client.listTools();
  return { client, readyMs: performance.now() - start };
}

// One session that ends by end of input, as an MCP client ends it: the launcher makes its cache when it exits.
function trainingSession(server) {
  return new Promise((resolve, reject) => {
    const child = spawn(server.command, server.args, { env: environment(server), stdio: ["pipe", "pipe", "ignore"] });
    let id = 0;
    const line = (method, params) => JSON.stringify({ jsonrpc: "2.0", id: ++id, method, params }) + "\n";
    child.stdin.write(line("initialize", { protocolVersion: "2025-11-25", capabilities: {},
      clientInfo: { name: "train", version: "1" } }));
    child.stdin.write(JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }) + "\n");
    child.stdin.write(line("tools/list", {}));
    for (let i = 0; i < 300; i++) {
      child.stdin.write(line("tools/call", server.set(`nova:agent:bench:train:${i % 10}`, `v${i}`)));
      child.stdin.write(line("tools/call", server.get(`nova:agent:bench:train:${i % 10}`)));
    }
    child.stdin.end();
    child.stdout.resume();
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${server.name} training exited ${code}`))));
  });
}

async function callOk(client, request) {
  const result = await client.callTool(request);
  if (result.isError) {
    throw new Error(`${request.name} failed: ${JSON.stringify(result.content)}`);
  }
}

// The launcher's class-data cache: the first session trains it (JDK 25: the AOT cache, written at exit; earlier
// JDKs: a class list), the second takes it over (JDK 25) or builds the archive from the list in the background.
for (const s of servers.filter((s) => !s.peer && s.command === launcher)) {
  await trainingSession(s);
  await trainingSession(s);
}
for (let waited = 0; readdirSync(cacheDir).some((f) => /\.(classes|build)\b|\.aot\.\d+$/.test(f)); waited += 200) {
  if (waited > 180_000) throw new Error(`the launcher's cache was not built: ${readdirSync(cacheDir)}`);
  await new Promise((r) => setTimeout(r, 200));
}

const ready = new Map(servers.map((s) => [s.name, []]));
for (let i = 0; i < launches; i++) {
  for (const s of (i % 2 ? [...servers].reverse() : servers)) {
    const { client, readyMs } = await connect(s);
    ready.get(s.name).push(readyMs);
    await client.close();
  }
}

const key = (i) => `nova:agent:bench:key:${i % 100}`;
const phases = [];
for (const warm of warmups) {
  const sessions = [];
  for (const s of servers) {
    sessions.push({ server: s, client: (await connect(s)).client, set: [], get: [] });
  }
  for (let i = 0; i < warm; i++) {
    for (const x of sessions) {
      await callOk(x.client, x.server.set(key(i), `value-${i}`));
      await callOk(x.client, x.server.get(key(i)));
    }
  }
  for (let i = 0; i < calls; i++) {
    for (const x of (i % 2 ? [...sessions].reverse() : sessions)) {
      let t = performance.now();
      await callOk(x.client, x.server.set(key(i), `value-${i}`));
      x.set.push(performance.now() - t);
      t = performance.now();
      await callOk(x.client, x.server.get(key(i)));
      x.get.push(performance.now() - t);
    }
  }
  for (const x of sessions) {
    await x.client.close();
  }
  phases.push({ warm, sessions });
}

const peerName = servers.find((s) => s.peer).name;
const pad = (s, n) => String(s).padEnd(n);
const num = (n) => n.toFixed(3);
console.log(`Machine: ${cpus().length} x ${cpus()[0].model}; node ${process.version}; ${calls} timed calls of each kind`
  + ` per server after the warm-up; ready = median of ${launches} launches`);
console.log("");
console.log(`| ${pad("server", 38)} | ready (tools/list) | ratio to peer |`);
console.log(`| ${"-".repeat(38)} | -----------------: | ------------: |`);
const peerReady = median(ready.get(peerName));
for (const s of servers) {
  const r = median(ready.get(s.name));
  console.log(`| ${pad(s.name, 38)} | ${pad(r.toFixed(0) + " ms", 18)} | ${pad((r / peerReady).toFixed(2), 13)} |`);
}
for (const { warm, sessions } of phases) {
  const peer = sessions.find((x) => x.server.peer);
  const peerMedian = median([...peer.set, ...peer.get]);
  console.log("");
  console.log(`After ${warm} warm-up calls:`);
  console.log("");
  console.log(`| ${pad("server", 38)} | set median | get median | median (both) | ratio to peer |`);
  console.log(`| ${"-".repeat(38)} | ---------: | ---------: | ------------: | ------------: |`);
  for (const x of sessions) {
    const both = median([...x.set, ...x.get]);
    console.log(`| ${pad(x.server.name, 38)} | ${pad(num(median(x.set)) + " ms", 10)} | ${pad(num(median(x.get)) + " ms", 10)}`
      + ` | ${pad(num(both) + " ms", 13)} | ${pad((both / peerMedian).toFixed(2), 13)} |`);
  }
}
