import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const api = 'http://localhost:3000';

// The API serves GraphQL, health checks and uploaded files on one port; in development
// the portal is served by Vite, so those paths are forwarded to keep requests same-origin.
const proxy = {
  '/graphql': { target: api, changeOrigin: true, ws: true },
  '/health': { target: api, changeOrigin: true },
  '/files': { target: api, changeOrigin: true },
};

export default defineConfig({
  plugins: [react()],
  server: { proxy },
  preview: { proxy },
  build: {
    // scripts/check-bundle-size.mjs reads the manifest to find what the first screen loads.
    manifest: true,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.tsx', 'src/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
  },
});
