/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run dev` serves the app with hot reload and forwards API calls to a running designer host
// (dotnet run --project designer/ServicesSync.Designer), or to DESIGNER_API when set.
const api = process.env.DESIGNER_API ?? 'http://localhost:5080';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': api,
      '/hooks': api,
      '/health': api,
    },
  },
  build: {
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
