// Coordination through the official MCP TypeScript SDK client with two principals: two server processes over
// stdio on the same Redis, each called with its own API key (subjects alpha and beta). The SDK validates every
// structured result against the tool's output schema (Ajv).
// Usage: node sdk-coordination.mjs <redstream-mcp.jar> <redis://...> <api-keys-file> <alpha-key> <beta-key>
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport, getDefaultEnvironment } from "@modelcontextprotocol/sdk/client/stdio.js";
import { check, exitCode, fail, text } from "./checks.mjs";

const [jar, redisUrl, keysFile, alphaKey, betaKey] = process.argv.slice(2);
if (!betaKey) {
  console.error("usage: node sdk-coordination.mjs <jar> <redis-url> <api-keys-file> <alpha-key> <beta-key>");
  process.exit(2);
}


async function connect(name, token) {
  const transport = new StdioClientTransport({
    command: "java",
    args: ["-jar", jar, "--api-keys-file", keysFile],
    env: { ...getDefaultEnvironment(), REDIS_URL: redisUrl, REDSTREAM_TOKEN: token },
    stderr: "pipe",
  });
  const client = new Client({ name: "redstream-interop-" + name, version: "1.0.0" });
  await client.connect(transport);
  await client.listTools(); // caches the output schemas the SDK validates results against
  return { call: (tool, args) => client.callTool({ name: tool, arguments: args }), close: () => client.close() };
}

const alpha = await connect("alpha", alphaKey);
const beta = await connect("beta", betaKey);
try {
  const board = "interop" + Date.now();
  const created = await alpha.call("task_create", { board, title: "Summarise ticket 42", payload: { ticket: 42 } });
  check(!created.isError && created.structuredContent.status === "open", "task_create: an open task", created);
  const id = created.structuredContent.task_id;

  const denied = await beta.call("task_claim", { board, agent: "alpha" });
  check(denied.isError && text(denied).startsWith("ACCESS_DENIED: ") && text(denied).includes("may act only as itself"),
    "beta may not claim as alpha", denied);

  const claimed = await alpha.call("task_claim", { board, lease_seconds: 60 });
  check(!claimed.isError && claimed.structuredContent.claimed === true && claimed.structuredContent.task.task_id === id
    && claimed.structuredContent.task.attempt === 1, "alpha claims it (attempt 1)", claimed);
  const none = await beta.call("task_claim", { board });
  check(!none.isError && none.structuredContent.claimed === false, "beta finds nothing claimable while alpha holds it", none);

  const conflict = await beta.call("task_update", { board, task_id: id, status: "done" });
  check(conflict.isError && text(conflict).startsWith("CONFLICT: ") && text(conflict).includes("alpha"),
    "beta's update of alpha's task is a CONFLICT naming alpha", conflict);

  const done = await alpha.call("task_update", { board, task_id: id, status: "done", result: { summary: "ok" } });
  check(!done.isError && done.structuredContent.status === "done", "alpha completes it", done);
  const task = await beta.call("task_get", { board, task_id: id });
  check(!task.isError && task.structuredContent.status === "done" && task.structuredContent.owner === "alpha"
    && task.structuredContent.history.map((e) => e.type).join() === "created,claimed,done",
    "task_get shows it done by alpha with its history", task);
  const list = await beta.call("task_list", { board, status: "done" });
  check(!list.isError && list.structuredContent.tasks.length === 1, "task_list filters by status", list);

  const key = "nova:agent:shared:lock:report";
  const lock = await alpha.call("lock_acquire", { key, ttl_seconds: 30 });
  check(!lock.isError && lock.structuredContent.acquired === true && lock.structuredContent.token >= 1,
    "alpha acquires the lock with a fencing token", lock);
  const taken = await beta.call("lock_acquire", { key, ttl_seconds: 30 });
  check(!taken.isError && taken.structuredContent.acquired === false && taken.structuredContent.holder === "alpha",
    "beta is told alpha holds it", taken);
  const stolen = await beta.call("lock_release", { key, token: lock.structuredContent.token });
  check(!stolen.isError && stolen.structuredContent.released === false, "beta cannot release alpha's lock with its token", stolen);
  const released = await alpha.call("lock_release", { key, token: lock.structuredContent.token });
  check(!released.isError && released.structuredContent.released === true, "alpha releases it", released);

  await alpha.call("agent_heartbeat", { status: "idle", info: { skills: ["summarise"] } });
  const hb = await beta.call("agent_heartbeat", { status: "busy" });
  check(!hb.isError && hb.structuredContent.agent === "beta", "agent_heartbeat acts as the caller's subject", hb);
  const fake = await beta.call("agent_heartbeat", { agent: "alpha" });
  check(fake.isError && text(fake).startsWith("ACCESS_DENIED: "), "beta may not heartbeat as alpha", fake);
  // Each server heartbeats as a participant from about a second after it started.
  let agents;
  let servers = [];
  for (let i = 0; i < 50 && servers.length < 2; i++) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, 200));
    agents = await alpha.call("agent_list", {});
    servers = (agents.structuredContent?.agents ?? []).filter((a) => /^mcp-.+-\d+$/.test(a.agent) && a.status === "serving");
  }
  const names = agents.structuredContent?.agents.map((a) => a.agent) ?? [];
  check(!agents.isError && names.includes("alpha") && names.includes("beta") && servers.length >= 2,
    "agent_list shows both agents and both servers as participants", agents);
} catch (e) {
  fail("unexpected: " + e);
} finally {
  await alpha.close();
  await beta.close();
}
process.exit(exitCode());
