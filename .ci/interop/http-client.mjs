// The official MCP TypeScript SDK client against a running server over Streamable HTTP (bearer token in the
// Authorization header) and WebSocket (a single-use ticket from POST /ws/ticket, since the SDK's WebSocket
// transport cannot set headers). The SDK validates structured results against the output schemas (Ajv).
// Usage: node http-client.mjs <http://127.0.0.1:PORT> <token>   (Node >= 22: WebSocket is global there)
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { WebSocketClientTransport } from "@modelcontextprotocol/sdk/client/websocket.js";
import { check, exitCode, fail, text } from "./checks.mjs";

const [base, token] = process.argv.slice(2);
if (!base || !token) {
  console.error("usage: node http-client.mjs <base-url> <token>");
  process.exit(2);
}


async function session(label, transport, key) {
  const client = new Client({ name: "redstream-interop-" + label, version: "1.0.0" });
  await client.connect(transport);
  check(client.getServerVersion()?.name === "redstream", `${label}: initialize`, client.getServerVersion());
  const { tools } = await client.listTools();
  check(tools.length === 27, `${label}: tools/list has 27 tools`, tools.map((t) => t.name));
  const set = await client.callTool({ name: "redis_set", arguments: { key, value: label } });
  check(set.isError === false && set.structuredContent.written === true, `${label}: redis_set`, set);
  const get = await client.callTool({ name: "redis_get", arguments: { key } });
  check(get.structuredContent.value === label, `${label}: redis_get reads it back`, get);
  const bad = await client.callTool({ name: "redis_get", arguments: { key: "elsewhere:x:y" } });
  check(bad.isError === true && text(bad).startsWith("INVALID_NAME: "), `${label}: a coded error`, bad);
  const many = await Promise.all([1, 2, 3, 4, 5].map((n) =>
    client.callTool({ name: "stream_publish", arguments: { stream: "nova:task:interop:" + label, fields: { n } } })));
  check(many.every((r) => r.isError === false), `${label}: 5 concurrent calls`, many.map(text));
  await client.close();
}

try {
  await session("http", new StreamableHTTPClientTransport(new URL(base + "/mcp"),
    { requestInit: { headers: { Authorization: "Bearer " + token } } }), "nova:agent:interop:http");

  const unauthenticated = await fetch(base + "/mcp", { method: "POST", headers: { "Content-Type": "application/json",
    Accept: "application/json, text/event-stream" }, body: "{}" });
  check(unauthenticated.status === 401 && (unauthenticated.headers.get("www-authenticate") || "").includes("resource_metadata="),
    "http: no token is 401 with resource_metadata", unauthenticated.status);

  const t = await fetch(base + "/ws/ticket", { method: "POST", headers: { Authorization: "Bearer " + token } });
  const { ticket } = await t.json();
  check(t.status === 200 && ticket.startsWith("rst_"), "ws: POST /ws/ticket gives a ticket", t.status);
  await session("ws", new WebSocketClientTransport(new URL(base.replace("http", "ws") + "/ws?ticket=" + ticket)),
    "nova:agent:interop:ws");
} catch (e) {
  fail(e && e.stack || e);
}
process.exit(exitCode());
