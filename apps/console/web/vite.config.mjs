// Builds the web console into dist/console, served at /console by the standalone app and the query API.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/console/',
  // Everything is bundled: no CDN, nothing fetched at run time, no inline script (the CSP forbids it).
  build: {
    outDir: fileURLToPath(new URL('../../../dist/console', import.meta.url)),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1200,
  },
  // The console reuses the ledger's own pure rules (effective dates from the event table, partial dates,
  // canonical JSON): the pure domain and the event table are bundled, no server code (ports are types).
  resolve: {
    alias: {
      '@ledger/domain': fileURLToPath(new URL('../../../libs/domain/src/index.ts', import.meta.url)),
      '@ledger/contracts': fileURLToPath(
        new URL('../../../libs/contracts/src/project-event.table.ts', import.meta.url),
      ),
      '@ledger/event-store': fileURLToPath(
        new URL('../../../libs/event-store/src/event-store.port.ts', import.meta.url),
      ),
    },
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  logLevel: 'warn',
});
