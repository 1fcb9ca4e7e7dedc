import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { antdStaticStyles } from './build/antd-static-styles.plugin';
import { bootPrefetch } from './build/boot-prefetch.plugin';
import { consoleTheme } from './src/theme';

/** Where `npm run dev -w console` sends API calls: a running `npm start` (GROVE_URL overrides). */
// eslint-disable-next-line no-process-env -- build tooling, not a deployable's configuration
const target = process.env.GROVE_URL ?? 'http://localhost:4000';

/** package → chunk name for the libraries the entry always loads (see manualChunks below). */
const VENDOR_CHUNKS: Record<string, string> = {
  react: 'react',
  'react-dom': 'react',
  scheduler: 'react',
  'react-router': 'react',
  'react-router-dom': 'react',
  '@remix-run/router': 'react',
  urql: 'urql',
  '@urql/core': 'urql',
  '@urql/exchange-auth': 'urql',
  wonka: 'urql',
  i18next: 'i18n',
  'react-i18next': 'i18n',
};

// The router serves the build at /console (router/src/console.static.ts); the dev server mirrors that path and
// proxies the supergraph and the REST routes to the router, so the console never needs its own backend.
export const config = defineConfig({
  base: '/console/',
  plugins: [
    react(),
    // The app's first queries and the page's chunks requested by an inline script before the JavaScript arrives.
    bootPrefetch({ srcDir: new URL('./src', `file://${__dirname}/`).pathname }),
    // Ant Design's CSS made at build time, one file per theme app.tsx picks (build/antd-static-styles.plugin.ts).
    antdStaticStyles({
      srcDir: new URL('./src', `file://${__dirname}/`).pathname,
      themes: [
        { name: 'antd', media: '(prefers-reduced-motion: no-preference)', theme: consoleTheme(false) },
        { name: 'antd-reduced-motion', media: '(prefers-reduced-motion: reduce)', theme: consoleTheme(true) },
      ],
    }),
  ],
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
    rollupOptions: {
      output: {
        // Libraries every route needs, each in its own long-cached chunk (preloaded by index.html beside the entry):
        // a console release that changes only pages leaves them cached, and the browser fetches and compiles them
        // in parallel. Ant Design stays with the automatic split, so a route loads only the components it uses.
        manualChunks(id) {
          const name = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id)?.[1];
          return name ? VENDOR_CHUNKS[name] : undefined;
        },
      },
    },
  },
});

// Vite reads the default export of its config file (the one default export in the repository; named above too).
// eslint-disable-next-line no-restricted-syntax
export default config;
