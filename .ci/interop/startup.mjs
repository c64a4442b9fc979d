// Time from process start until the server answers tools/list (initialize, initialized and tools/list
// are written at once), as in redstream-mcp-adapter/NOTES-sdk.md. Prints median/min/max per launch mode.
// Usage: node startup.mjs <redstream-mcp.jar> [runs=15] [redis-url]
//   without redis-url every run starts its own embedded Redis (the plain `java -jar` default).
// Modes: plain `java -jar`, and with a class-data archive (AppCDS) made by one training run:
//   java -XX:ArchiveClassesAtExit=<jar>.jsa -jar <jar>   (initialize, tools/list, redis_health, stdin closed)
// Every run gets -Xlog:disable -Xlog:all=warning:stderr (JVM warnings would otherwise go to stdout).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";

const [jar, runsArg, redisUrl] = process.argv.slice(2);
if (!jar) {
  console.error("usage: node startup.mjs <jar> [runs] [redis-url]");
  process.exit(2);
}
const runs = Number(runsArg || 15);
const env = { ...process.env };
delete env.REDSTREAM_TOKEN;
if (redisUrl) env.REDIS_URL = redisUrl; else delete env.REDIS_URL;

const lines = [
  { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "startup", version: "1" } } },
  { jsonrpc: "2.0", method: "notifications/initialized" },
  { jsonrpc: "2.0", id: 2, method: "tools/list" },
].map((m) => JSON.stringify(m) + "\n").join("");
const health = JSON.stringify({ jsonrpc: "2.0", id: 3, method: "tools/call", params: { name: "redis_health", arguments: {} } }) + "\n";

function once(javaArgs, waitForId = 2, extra = "") {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn("java", [...LOG_TO_STDERR, ...javaArgs, "-jar", jar], { env, stdio: ["pipe", "pipe", "ignore"] });
    let buffer = "";
    let ready = null;
    child.stdout.on("data", (chunk) => {
      buffer += chunk;
      for (let nl = buffer.indexOf("\n"); nl >= 0; nl = buffer.indexOf("\n")) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        const msg = JSON.parse(line);
        if (msg.id === 2 && ready === null) {
          ready = Number(process.hrtime.bigint() - start) / 1e6;
          if (!msg.result || msg.result.tools.length !== 27) reject(new Error("bad tools/list: " + line.slice(0, 200)));
        }
        if (msg.id === waitForId) child.stdin.end();
      }
    });
    child.on("exit", () => (ready === null ? reject(new Error("no tools/list answer")) : resolve(ready)));
    child.stdin.write(lines + extra);
  });
}

async function measure(label, javaArgs) {
  await once(javaArgs); // warm the OS file cache
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await once(javaArgs));
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`${label.padEnd(58)} median ${median.toFixed(0).padStart(5)} ms   min ${times[0].toFixed(0).padStart(5)}   max ${times[times.length - 1].toFixed(0).padStart(5)}`);
}

// JVM warnings (e.g. from CDS) go to stdout by default and would corrupt JSON-RPC: send them to stderr.
const LOG_TO_STDERR = ["-Xlog:disable", "-Xlog:all=warning:stderr"];
const archive = jar.replace(/\.jar$/, "") + ".jsa";
console.log(`java ${spawnSync("java", ["-version"], { encoding: "utf8" }).stderr.split("\n")[0]}; ${runs} runs per mode; Redis: ${redisUrl || "embedded per run"}`);
await measure("java -jar redstream-mcp.jar (no archive)", []);
if (existsSync(archive)) rmSync(archive);
await once([`-XX:ArchiveClassesAtExit=${archive}`], 3, health); // training run: list + one Redis call, clean exit
await measure("java -XX:SharedArchiveFile=redstream-mcp.jsa -jar redstream-mcp.jar", [`-XX:SharedArchiveFile=${archive}`]);
rmSync(archive);
