import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const contractsEntry = fileURLToPath(new URL('../../libs/contracts/src/index.ts', import.meta.url));
const apiTarget = process.env.PLENUM_API_URL ?? 'http://localhost:3000';

/** Minified bytes any chunk loaded at start may have; `npm run build:web` fails above it. */
const initialChunkBudget = 500 * 1024;

/**
 * Holds what every visitor downloads first to the budget: the entry chunk and the chunks it
 * imports statically. The video players (livekit-client, hls.js) are bigger, but only pages
 * with video load them, so Vite's warning limit is set for them instead.
 */
function initialChunkBudgetCheck(): Plugin {
  return {
    name: 'plenum-initial-chunk-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map(
        Object.values(bundle).flatMap((item) =>
          item.type === 'chunk' ? [[item.fileName, item]] : [],
        ),
      );
      const initial = new Set<string>();
      const visit = (fileName: string) => {
        if (initial.has(fileName)) return;
        initial.add(fileName);
        chunks.get(fileName)?.imports.forEach(visit);
      };
      for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
      const over = [...initial]
        .map((fileName) => ({
          fileName,
          bytes: Buffer.byteLength(chunks.get(fileName)?.code ?? ''),
        }))
        .filter(({ bytes }) => bytes > initialChunkBudget);
      if (over.length > 0) {
        this.error(
          `chunks loaded at start exceed ${initialChunkBudget / 1024} kB: ` +
            over
              .map(({ fileName, bytes }) => `${fileName} ${Math.round(bytes / 1024)} kB`)
              .join(', ') +
            ' (load the code lazily with import())',
        );
      }
    },
  };
}

/** Libraries every page needs, in chunks of their own so they stay cached across releases. */
function vendorChunk(id: string): string | undefined {
  if (!id.includes('/node_modules/')) return undefined;
  if (/\/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react';
  if (/\/node_modules\/(react-router|react-router-dom|cookie|set-cookie-parser)\//.test(id)) {
    return 'router';
  }
  if (/\/node_modules\/zod\//.test(id)) return 'zod';
  if (
    /\/node_modules\/(socket\.io-client|socket\.io-parser|engine\.io-client|engine\.io-parser|@socket\.io)\//.test(
      id,
    )
  ) {
    return 'socket';
  }
  return undefined;
}

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), initialChunkBudgetCheck()],
  resolve: {
    alias: { '@plenum/contracts': contractsEntry },
  },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // The api serves the build under a CSP without 'unsafe-inline'; inlined assets would be
    // data: URLs, which only img-src allows, so keep every non-image asset a separate file.
    assetsInlineLimit: 0,
    // livekit-client (~530 kB) and hls.js (~600 kB) are loaded lazily, by the pages with video;
    // the chunks loaded at start are held to `initialChunkBudget` by the check above.
    chunkSizeWarningLimit: 640,
    rollupOptions: { output: { manualChunks: vendorChunk } },
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
