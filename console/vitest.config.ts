import { defineConfig } from 'vitest/config';

/**
 * Vitest runs the console's unit specs (`*.spec.ts` / `*.spec.tsx`, node environment; components are rendered to
 * HTML with react-dom/server). The `*.test.ts` files beside them belong to the root Jest run and are left out here.
 */
export const config = defineConfig({
  test: {
    include: ['src/**/*.spec.{ts,tsx}'],
    environment: 'node',
  },
});

// Vitest reads the default export of its config file, like Vite.
// eslint-disable-next-line no-restricted-syntax
export default config;
