// `npm run dev`: the api (rebuilt and restarted on change by nest --watch) and the Vite dev
// server with hot reload on http://localhost:5173, which proxies /api and /socket.io to the api.
import { spawn } from 'node:child_process';

const children = [
  spawn('npx', ['nest', 'start', 'api', '--watch', '--entryFile', 'apps/api/src/main'], {
    stdio: 'inherit',
  }),
  spawn('npx', ['vite', '--config', 'apps/web/vite.config.ts'], { stdio: 'inherit' }),
];

function stop() {
  for (const child of children) child.kill('SIGTERM');
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', stop);
