// Side-by-side MCP benchmark (DESIGN §6): the same official TypeScript SDK client drives RedStream's server
// (java -jar, with and without a class-data archive) and the official TypeScript Redis MCP server over stdio,
// on the same Redis. Reports time to a tools/list answer and the median latency of set/get tool calls.
// Usage: node bench-mcp.mjs <redstream-mcp.jar> <redis-uri> [calls=1000] [launches=7] [archive.jsa]
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";

const [jar, redisUri, callsArg = "1000", launchesArg = "7", archive] = process.argv.slice(2);
const calls = Number(callsArg);
const launches = Number(launchesArg);
const warmup = Number(process.env.WARMUP ?? 3000);
const require = createRequire(import.meta.url);
const tsServer = require.resolve("@modelcontextprotocol/server-redis/dist/index.js");

// Extra JVM options for the plain RedStream run (e.g. a profiler): REDSTREAM_JAVA_OPTS="-XX:..."
const javaOpts = (process.env.REDSTREAM_JAVA_OPTS ?? "").split(" ").filter((s) => s);
const only = process.env.ONLY ?? "";

const servers = [
  {
    name: "RedStream (java -jar)",
    command: "java", args: [...javaOpts, "-jar", jar, "--redis", redisUri],
    set: (k, v) => ({ name: "redis_set", arguments: { key: k, value: v, ttl_seconds: 3600 } }),
    get: (k) => ({ name: "redis_get", arguments: { key: k } }),
  },
  ...(archive ? [{
    name: "RedStream (java -jar, AppCDS)",
    command: "java",
    args: ["-Xlog:disable", "-Xlog:all=warning:stderr", `-XX:SharedArchiveFile=${archive}`, "-jar", jar,
      "--redis", redisUri],
    set: (k, v) => ({ name: "redis_set", arguments: { key: k, value: v, ttl_seconds: 3600 } }),
    get: (k) => ({ name: "redis_get", arguments: { key: k } }),
  }] : []),
  {
    name: "official TS server-redis",
    command: process.execPath, args: [tsServer, redisUri],
    set: (k, v) => ({ name: "set", arguments: { key: k, value: v, expireSeconds: 3600 } }),
    get: (k) => ({ name: "get", arguments: { key: k } }),
  },
];

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

async function connect(server) {
  const start = performance.now();
  const client = new Client({ name: "redstream-bench", version: "1.0.0" });
  await client.connect(new StdioClientTransport({ command: server.command, args: server.args, stderr: "ignore",
    env: { ...process.env, REDIS_URL: "" } }));
  await client.listTools();
  return { client, readyMs: performance.now() - start };
}

async function callOk(client, request) {
  const result = await client.callTool(request);
  if (result.isError) {
    throw new Error(`${request.name} failed: ${JSON.stringify(result.content)}`);
  }
}

const rows = [];
for (const server of servers.filter((s) => s.name.includes(only))) {
  const ready = [];
  for (let i = 0; i < launches; i++) {
    const { client, readyMs } = await connect(server);
    ready.push(readyMs);
    await client.close();
  }
  const { client } = await connect(server);
  const key = (i) => `nova:agent:bench:key:${i % 100}`;
  for (let i = 0; i < warmup; i++) { // warm-up: JIT (C2 needs thousands of calls), connection pools
    await callOk(client, server.set(key(i), `value-${i}`));
    await callOk(client, server.get(key(i)));
  }
  const setLat = [], getLat = [];
  for (let i = 0; i < calls; i++) {
    let t = performance.now();
    await callOk(client, server.set(key(i), `value-${i}`));
    setLat.push(performance.now() - t);
    t = performance.now();
    await callOk(client, server.get(key(i)));
    getLat.push(performance.now() - t);
  }
  await client.close();
  rows.push({ server: server.name, readyMs: median(ready), setMs: median(setLat), getMs: median(getLat) });
}

const pad = (s, n) => String(s).padEnd(n);
console.log(`| ${pad("server", 30)} | ready (tools/list) | set median | get median |`);
console.log(`| ${"-".repeat(30)} | ------------------ | ---------- | ---------- |`);
for (const r of rows) {
  console.log(`| ${pad(r.server, 30)} | ${pad(r.readyMs.toFixed(0) + " ms", 18)} | ${pad(r.setMs.toFixed(3) + " ms", 10)} | ${pad(r.getMs.toFixed(3) + " ms", 10)} |`);
}
console.log(`\n${calls} calls each after ${warmup} warm-up calls, medians; ready = median of ${launches} launches; node ${process.version}`);
