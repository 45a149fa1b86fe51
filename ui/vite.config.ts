import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The build lands where Maven packs resources: the server jar serves it at / (docs/DECISIONS.md).
// `npm run dev` serves the UI on :5173 and forwards API and development-issuer calls to a server on :8080.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'target/classes/dxcp-ui',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/v1': 'http://localhost:8080',
      '/dev-idp': 'http://localhost:8080',
      '/ui-config.json': 'http://localhost:8080',
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
