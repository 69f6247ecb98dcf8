// `npm run bench -- <name>` runs bench/<name>.bench.mjs; `npm run bench` runs them all in turn.
// Each benchmark starts and stops the processes it measures and prints one JSON line.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = import.meta.dirname;
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.mjs'))
  .map((f) => f.replace(/\.bench\.mjs$/, ''))
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !available.includes(name));
if (unknown.length) {
  console.error(
    `Unknown benchmark(s): ${unknown.join(', ')}. Available: ${available.join(', ') || 'none'}`,
  );
  process.exit(2);
}
let failed = 0;
for (const name of wanted.length ? wanted : available) {
  const result = spawnSync(process.execPath, [join(dir, `${name}.bench.mjs`)], {
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error(`benchmark ${name} failed (exit ${result.status})`);
    failed++;
  }
}
process.exit(failed ? 1 : 0);
