import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Where `npm run dev -w console` sends API calls: a running `npm start` (GROVE_URL overrides). */
// eslint-disable-next-line no-process-env -- build tooling, not a deployable's configuration
const target = process.env.GROVE_URL ?? 'http://localhost:4000';

// The router serves the build at /console (router/src/console.static.ts); the dev server mirrors that path and
// proxies the supergraph and the REST routes to the router, so the console never needs its own backend.
export const config = defineConfig({
  base: '/console/',
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/graphql': target,
      '/uploads': target,
      '/objects': target,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
});

// Vite reads the default export of its config file (the one default export in the repository; named above too).
// eslint-disable-next-line no-restricted-syntax
export default config;
