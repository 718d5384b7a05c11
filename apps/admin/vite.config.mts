import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the API at `/` (same origin as /api); `npm run dev -w apps/admin` proxies /api to the
// API that `npm start` runs.
const apiTarget = 'http://127.0.0.1:3000';

export default defineConfig({
  base: '/',
  plugins: [react()],
  resolve: {
    alias: { '@admin': new URL('./src', import.meta.url).pathname },
  },
  server: {
    port: 5173,
    host: '127.0.0.1',
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // Each route is its own chunk (React.lazy); the framework is one shared vendor chunk.
    chunkSizeWarningLimit: 1600,
  },
});
