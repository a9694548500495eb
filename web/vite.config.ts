// The web app: built into dist/web, which `pursuit serve` serves. `npm run dev:web` proxies the API.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'web',
  plugins: [react()],
  // The charts (ECharts, about 580 kB) are a chunk of their own, loaded only by the team page.
  build: { outDir: '../dist/web', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 700 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
