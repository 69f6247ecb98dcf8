// `npm start`: builds what is missing or stale, then runs the api and the worker together.
// Ctrl-C or SIGTERM stops both cleanly; if either exits, the other is stopped too.
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
let stopping = false;

function run(name, file) {
  const child = spawn(process.execPath, [file], { cwd: root, stdio: 'inherit', env: process.env });
  children.set(name, child);
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (!stopping) {
      console.error(`${name} exited (${signal ?? code}); stopping Plenum.`);
      stop(code ?? 1);
    } else if (children.size === 0) {
      process.exit(process.exitCode ?? 0);
    }
  });
  return child;
}

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  process.exitCode = code;
  if (children.size === 0) process.exit(code);
  for (const child of children.values()) child.kill('SIGTERM');
  // Processes get 20 s to finish requests and jobs, then are killed.
  setTimeout(() => {
    for (const child of children.values()) child.kill('SIGKILL');
  }, 20_000).unref();
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

// The api creates and migrates the database; the worker starts once the api answers.
run('api', outputs.server[0]);
const port = process.env.PORT ?? '3000';
const started = Date.now();
(async function waitForApi() {
  while (!stopping && Date.now() - started < 120_000) {
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
  }
  if (!stopping) {
    console.error('The api did not become healthy within 2 minutes; stopping.');
    stop(1);
  }
})();
