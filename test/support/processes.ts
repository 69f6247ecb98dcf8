import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const repoRoot = join(__dirname, '../..');
export const builtApi = join(repoRoot, 'dist/apps/api/src/main.js');
export const builtWorker = join(repoRoot, 'dist/apps/worker/src/main.js');

export interface RunningProcess {
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (null when ended by a signal). */
  exited: Promise<number | null>;
}

/**
 * Runs a Node.js script of the project as a real process, with only the given environment.
 * The stall watch gets 3 s unless the suite says otherwise: on a CI machine running suites side
 * by side, an idle process's `SELECT 1` may queue a second without any fault (the fault suite
 * sets the production default of 1 s, which is what it measures).
 */
export function runNode(script: string, env: Record<string, string>): RunningProcess {
  const child = spawn(process.execPath, [script], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', DATABASE_PROBE_TIMEOUT_MS: '3000', ...env },
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Polls until the check passes or the time is up; returns whether it passed. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 60_000,
): Promise<boolean> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return check();
}

export function isHealthy(port: string): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/api/health`).then(
    (r) => r.ok,
    () => false,
  );
}

export function randomPort(): string {
  return String(20_000 + Math.floor(Math.random() * 20_000));
}
