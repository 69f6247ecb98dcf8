// Runs the TypeORM CLI against libs/db/src/data-source.ts (the same factory the app uses).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const [command, name] = process.argv.slice(2);
const cli = require.resolve('typeorm/cli.js');
const dataSource = 'libs/db/src/data-source.ts';

let args;
if (command === 'generate') {
  if (!name || !/^[A-Za-z][A-Za-z0-9]*$/.test(name)) {
    process.stderr.write('Usage: npm run migration:generate -- <Name> (letters and digits)\n');
    process.exit(2);
  }
  args = ['migration:generate', '-d', dataSource, '--pretty', `libs/db/src/migrations/${name}`];
} else if (command === 'run') {
  args = ['migration:run', '-d', dataSource];
} else if (command === 'revert') {
  args = ['migration:revert', '-d', dataSource];
} else {
  process.stderr.write('Usage: node scripts/migration.mjs generate <Name> | run | revert\n');
  process.exit(2);
}

const result = spawnSync(
  process.execPath,
  ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', cli, ...args],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      TS_NODE_PROJECT: 'tsconfig.json',
      TS_NODE_TRANSPILE_ONLY: 'true',
      TS_NODE_SWC: 'true',
    },
  },
);
process.exit(result.status ?? 1);
