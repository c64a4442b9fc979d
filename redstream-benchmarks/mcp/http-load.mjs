// Load run of MCP over Streamable HTTP: CLIENTS concurrent authenticated clients (the official TypeScript SDK
// client, one session each) call redis_set / redis_get in a loop against a running server; prints p50/p99 latency,
// calls/s and errors. Bounded: CALLS calls per client, loopback only.
// Usage: node http-load.mjs <http://127.0.0.1:PORT> <token> [clients=50] [calls=200]
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [base, token, clientsArg, callsArg] = process.argv.slice(2);
const CLIENTS = Number(clientsArg || 50);
const CALLS = Number(callsArg || 200);
const WARMUP = 20;

async function connect(i) {
  const client = new Client({ name: "load-" + i, version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(base + "/mcp"),
    { requestInit: { headers: { Authorization: "Bearer " + token } } }));
  return client;
}

const clients = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => connect(i)));
let errors = 0;
const latencies = [];
async function run(client, i, n, record) {
  for (let k = 0; k < n; k++) {
    const key = `nova:agent:load${i}:k${k % 10}`;
    const t0 = process.hrtime.bigint();
    const r = k % 2 === 0
      ? await client.callTool({ name: "redis_set", arguments: { key, value: "v" + k } })
      : await client.callTool({ name: "redis_get", arguments: { key } });
    const us = Number(process.hrtime.bigint() - t0) / 1000;
    if (r.isError) errors++;
    if (record) latencies.push(us);
  }
}
await Promise.all(clients.map((c, i) => run(c, i, WARMUP, false)));
const start = process.hrtime.bigint();
await Promise.all(clients.map((c, i) => run(c, i, CALLS, true)));
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
latencies.sort((a, b) => a - b);
const pct = (p) => (latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] / 1000).toFixed(2);
console.log(`clients=${CLIENTS} calls=${latencies.length} errors=${errors} p50_ms=${pct(0.5)} p99_ms=${pct(0.99)}`
  + ` calls_per_s=${(latencies.length / seconds).toFixed(0)} seconds=${seconds.toFixed(1)}`);
await Promise.all(clients.map((c) => c.close()));
process.exit(errors === 0 ? 0 : 1);
