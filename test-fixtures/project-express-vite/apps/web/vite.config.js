import { defineConfig } from 'vite';

// In development the page is served from http://localhost:5173 and /api is forwarded to the API.
export default defineConfig({
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
});
