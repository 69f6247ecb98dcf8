import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const contractsEntry = fileURLToPath(new URL('../../libs/contracts/src/index.ts', import.meta.url));
const apiTarget = process.env.PLENUM_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  resolve: {
    alias: { '@plenum/contracts': contractsEntry },
  },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // The api serves the build under a CSP without 'unsafe-inline'; inlined assets would be
    // data: URLs, which only img-src allows, so keep every non-image asset a separate file.
    assetsInlineLimit: 0,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/socket.io': { target: apiTarget, ws: true, changeOrigin: false },
    },
  },
  preview: { port: 5173 },
});
