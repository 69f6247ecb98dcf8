// `npm test`: lint, type checks, build (the browser tests drive the built web app), then every
// jest project. Stops at the first failing step; jest's summary is the last thing printed.
import { spawnSync } from 'node:child_process';

const steps = [
  ['lint', ['run', 'lint', '--silent']],
  ['type check', ['run', 'typecheck', '--silent']],
  ['build', ['run', 'build', '--silent']],
];

for (const [name, args] of steps) {
  console.log(`\n▶ ${name}`);
  const result = spawnSync('npm', args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed`);
    process.exit(result.status ?? 1);
  }
}

console.log('\n▶ jest (unit, integration, browser)');
const jest = spawnSync('npx', ['jest', '--ci', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(jest.status ?? 1);
