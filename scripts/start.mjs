// `npm start`: builds what is missing or stale, then runs the api and the worker together.
// A process that dies is started again (after 1 s, doubling to 30 s while it keeps dying, back to
// 1 s once it has run for a minute); the other keeps running meanwhile. Ctrl-C or SIGTERM stops
// both cleanly.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const outputs = {
  server: [join(root, 'dist/apps/api/src/main.js'), join(root, 'dist/apps/worker/src/main.js')],
  web: [join(root, 'dist/web/index.html')],
};
const sources = {
  server: ['apps/api/src', 'apps/worker/src', 'libs'],
  web: ['apps/web', 'libs/contracts/src'],
};

function newestMtime(path) {
  const full = join(root, path);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(full)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function needsBuild(part) {
  if (!outputs[part].every((f) => existsSync(f))) return true;
  const built = Math.min(...outputs[part].map((f) => statSync(f).mtimeMs));
  return Math.max(...sources[part].map(newestMtime)) > built;
}

// A .env file next to package.json is read if present (see .env.example).
if (existsSync(join(root, '.env'))) process.loadEnvFile(join(root, '.env'));

for (const part of ['server', 'web']) {
  if (!needsBuild(part)) continue;
  console.log(`Building ${part}…`);
  const result = spawnSync('npm', ['run', `build:${part}`, '--silent'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const children = new Map();
const restarts = new Map();
let stopping = false;

const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 30_000;
const HEALTHY_AFTER_MS = 60_000;

function run(name, file) {
  const child = spawn(process.execPath, [file], { cwd: root, stdio: 'inherit', env: process.env });
  children.set(name, child);
  console.log(`${name} started (pid ${child.pid})`);
  const state = restarts.get(name) ?? { delay: FIRST_DELAY_MS, timer: undefined };
  restarts.set(name, state);
  // A minute up counts as healthy: the next crash is restarted after the first delay again.
  const healthy = setTimeout(() => (state.delay = FIRST_DELAY_MS), HEALTHY_AFTER_MS);
  healthy.unref();
  child.on('exit', (code, signal) => {
    clearTimeout(healthy);
    children.delete(name);
    if (stopping) {
      if (children.size === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    const delay = state.delay;
    state.delay = Math.min(delay * 2, MAX_DELAY_MS);
    console.error(
      `${name} exited (${signal ?? code}); restarting it in ${delay / 1000} s, the other keeps running.`,
    );
    state.timer = setTimeout(() => {
      state.timer = undefined;
      if (!stopping) run(name, file);
    }, delay);
  });
  return child;
}

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  process.exitCode = code;
  for (const state of restarts.values()) clearTimeout(state.timer);
  if (children.size === 0) process.exit(code);
  for (const child of children.values()) child.kill('SIGTERM');
  // Processes get 20 s to finish requests and jobs, then are killed.
  setTimeout(() => {
    for (const child of children.values()) child.kill('SIGKILL');
  }, 20_000).unref();
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

// The api creates and migrates the database; the worker starts once the api answers. The api
// waits for PostgreSQL and Redis itself (and says so), so this waits as long as it does.
run('api', outputs.server[0]);
const port = process.env.PORT ?? '3000';
(async function waitForApi() {
  let waited = 0;
  while (!stopping) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) {
        run('worker', outputs.server[1]);
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
    waited += 500;
    if (waited % 60_000 === 0) {
      console.error('The api is not healthy yet; the worker starts once it is.');
    }
  }
})();
