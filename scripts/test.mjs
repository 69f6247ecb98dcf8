// `npm test`: lint, type checks and the build (the browser tests drive the built web app) side by
// side, then every jest project. Each step's output is printed whole when it ends, never
// interleaved; a failing step fails the run before jest starts. jest's summary is the last thing
// printed.
import { spawn, spawnSync } from 'node:child_process';

const steps = [
  ['lint', ['run', 'lint', '--silent']],
  ['type check', ['run', 'typecheck', '--silent']],
  ['build', ['run', 'build', '--silent']],
];

function run(name, args) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npm', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (err) => {
      output.push(Buffer.from(`${err.stack ?? String(err)}\n`));
      resolve({ name, status: 1, output, seconds: (Date.now() - started) / 1000 });
    });
    child.on('close', (code, signal) => {
      const status = code ?? (signal ? 1 : 0);
      resolve({ name, status, output, seconds: (Date.now() - started) / 1000 });
    });
  });
}

console.log(`\n▶ ${steps.map(([name]) => name).join(', ')} (in parallel)`);
const results = await Promise.all(
  steps.map(([name, args]) =>
    run(name, args).then((result) => {
      const mark = result.status === 0 ? '✔' : '✖';
      console.log(`\n${mark} ${name} (${result.seconds.toFixed(1)} s)`);
      const text = Buffer.concat(result.output).toString();
      if (text.trim()) process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
      return result;
    }),
  ),
);
const failed = results.filter((r) => r.status !== 0);
if (failed.length > 0) {
  console.error(`\n✖ ${failed.map((r) => r.name).join(', ')} failed`);
  process.exit(failed[0].status);
}

console.log('\n▶ jest (unit, medium, integration, faults, browser)');
const jest = spawnSync('npx', ['jest', '--ci', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(jest.status ?? 1);
