// The official MCP TypeScript SDK client against the server jar over stdio: one session, many tools,
// concurrent calls. The SDK validates every structured result against the tool's output schema (Ajv)
// and throws on a mismatch, so this also checks our schemas with a second, independent validator.
// Usage: node sdk-client.mjs <redstream-mcp.jar> <redis://...>
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport, getDefaultEnvironment } from "@modelcontextprotocol/sdk/client/stdio.js";
import { check, exitCode, fail, text } from "./checks.mjs";

const [jar, redisUrl] = process.argv.slice(2);
if (!jar || !redisUrl) {
  console.error("usage: node sdk-client.mjs <jar> <redis-url>");
  process.exit(2);
}


const transport = new StdioClientTransport({
  command: "java",
  args: ["-jar", jar],
  env: { ...getDefaultEnvironment(), REDIS_URL: redisUrl },
  stderr: "pipe",
});
let serverLog = "";
transport.stderr?.on("data", (chunk) => { serverLog += chunk; });
const client = new Client({ name: "redstream-interop-ts", version: "1.0.0" });

try {
  await client.connect(transport);
  check(client.getServerVersion()?.name === "redstream", "initialize: serverInfo.name is redstream", client.getServerVersion());

  const { tools } = await client.listTools(); // also caches the output schemas used to validate results
  check(tools.length === 27, "tools/list: 27 tools", tools.map((t) => t.name));

  const call = (name, args) => client.callTool({ name, arguments: args });

  const multi = await call("redis_multi", {
    operations: [
      { op: "set", key: "nova:agent:ts:name", value: "alpha" },
      { op: "incr", key: "nova:agent:ts:count", value: 2 },
      { op: "get", key: "nova:agent:ts:name" },
    ],
  });
  check(!multi.isError && JSON.stringify(multi.structuredContent.results) === JSON.stringify([true, 2, "alpha"]),
    "redis_multi applies set, incr and get atomically", multi);

  const keys = await call("redis_keys", { pattern: "nova:agent:ts:*", count: 100 });
  check(!keys.isError && keys.structuredContent.keys.length === 2, "redis_keys lists the keys (SCAN)", keys);

  check((await call("redis_expire", { key: "nova:agent:ts:name", ttl_seconds: 30 })).structuredContent.applied === true,
    "redis_expire applies a TTL");
  check((await call("redis_del", { keys: ["nova:agent:ts:name", "nova:agent:ts:count", "nova:agent:ts:none"] }))
    .structuredContent.deleted === 2, "redis_del counts what existed");

  const stream = "nova:task:ts:jobs";
  check((await call("stream_group_create", { stream, group: "workers", start_id: "0" })).structuredContent.created === true,
    "stream_group_create creates the group");
  for (let i = 0; i < 3; i++) {
    await call("stream_publish", { stream, fields: { n: i, payload: { nested: [i] } } });
  }
  const got = await call("stream_group_read", { stream, group: "workers", consumer: "ts-1", count: 2 });
  check(!got.isError && got.structuredContent.entries.length === 2 && got.structuredContent.entries[0].fields.payload.nested[0] === 0,
    "stream_group_read delivers entries with typed fields", got);
  const pending = await call("stream_pending", { stream, group: "workers" });
  check(pending.structuredContent.count === 2 && pending.structuredContent.consumers[0].name === "ts-1",
    "stream_pending shows the delivered entries", pending);
  const ack = await call("stream_ack", { stream, group: "workers", ids: [got.structuredContent.entries[0].id] });
  check(ack.structuredContent.acknowledged === 1, "stream_ack acknowledges", ack);
  const claim = await call("stream_claim", { stream, group: "workers", consumer: "ts-2", min_idle_ms: 0 });
  check(claim.structuredContent.entries.length === 1 && claim.structuredContent.cursor === "0-0",
    "stream_claim (auto-claim) takes over the idle entry", claim);
  const info = await call("stream_info", { stream });
  check(info.structuredContent.length === 3 && info.structuredContent.groups[0].name === "workers", "stream_info", info);
  const list = await call("stream_list", { pattern: "nova:task:ts:*" });
  check(JSON.stringify(list.structuredContent.streams) === JSON.stringify([stream]), "stream_list", list);

  // concurrent calls on one session: a subscriber waits while another call publishes
  const sub = call("redis_subscribe", { channels: ["nova:broadcast:ts:news"], timeout_ms: 5000, max_messages: 1 });
  let receivers = 0;
  for (let i = 0; i < 50 && receivers === 0; i++) {
    receivers = (await call("redis_publish", { channel: "nova:broadcast:ts:news", message: "hi" })).structuredContent.receivers;
    if (receivers === 0) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const subResult = await sub;
  check(receivers === 1 && subResult.structuredContent.messages[0]?.message === "hi",
    "redis_subscribe receives what redis_publish sends, concurrently on one session", subResult);

  const limit = await call("stream_read", { stream, count: 1001 });
  check(limit.isError && text(limit).startsWith("LIMIT_EXCEEDED: "), "count over the limit is LIMIT_EXCEEDED", limit);
  const extra = await call("redis_get", { key: "nova:agent:ts:x", verbose: true });
  check(extra.isError && text(extra).startsWith("INVALID_ARGUMENT: ") && text(extra).includes("verbose"),
    "an unknown argument is INVALID_ARGUMENT", extra);
  const missing = await call("stream_info", { stream: "nova:task:ts:missing" });
  check(missing.isError && text(missing).startsWith("NOT_FOUND: "), "stream_info of a missing stream is NOT_FOUND", missing);
  const name = await call("stream_publish", { stream: "nova:payroll:x:y", fields: { a: 1 } });
  check(name.isError && text(name).startsWith("INVALID_NAME: "), "an unknown domain is INVALID_NAME", name);
  check((await call("redis_health", {})).structuredContent.status === "UP", "the session still serves after errors");
} catch (e) {
  fail("TypeScript SDK client: " + (e && e.stack ? e.stack : e));
  console.error(serverLog.split("\n").slice(-20).join("\n"));
} finally {
  await client.close().catch(() => {});
}
check(!/\tat /.test(serverLog), "server log has no stack traces", serverLog.slice(-1500));
process.exit(exitCode());
