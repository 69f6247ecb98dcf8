// A plain keep-alive HTTP load generator, run as its own process: `connections` loops each send
// one request at a time (no pipelining) and drop the body unread as bytes. autocannon decodes
// every body chunk into a string, which makes it the bottleneck for binary (gzip) answers.
// Usage: node http-load.mjs <url> <connections> <seconds> [header=value ...]; prints JSON.
import http from 'node:http';

const [url, connectionsArg, secondsArg, ...headerArgs] = process.argv.slice(2);
const connections = Number(connectionsArg);
const seconds = Number(secondsArg);
const headers = Object.fromEntries(
  headerArgs.map((h) => [h.slice(0, h.indexOf('=')), h.slice(h.indexOf('=') + 1)]),
);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const latencies = [];
const statuses = {};
let errors = 0;
let bytes = 0;
const until = Date.now() + seconds * 1000;

function once() {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const req = http.get(url, { agent, headers }, (res) => {
      res.on('data', (chunk) => (bytes += chunk.length));
      res.on('end', () => {
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
        resolve();
      });
    });
    req.on('error', () => {
      errors++;
      resolve();
    });
  });
}

async function loop() {
  while (Date.now() < until) await once();
}

const began = Date.now();
await Promise.all(Array.from({ length: connections }, loop));
const elapsed = (Date.now() - began) / 1000;
latencies.sort((a, b) => a - b);
const at = (p) =>
  latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)];
agent.destroy();
console.log(
  JSON.stringify({
    requests: latencies.length,
    per_s: Math.round(latencies.length / elapsed),
    p50_ms: Math.round(at(50) * 10) / 10,
    p99_ms: Math.round(at(99) * 10) / 10,
    max_ms: Math.round(latencies[latencies.length - 1] * 10) / 10,
    errors,
    statuses,
    mb_per_s: Math.round(bytes / elapsed / 1e5) / 10,
  }),
);
