import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  plugins: [react()],
  // `@/…` is apps/web/src, as tsconfig `paths` declares it.
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    // /api: the CSV downloads (report.csv, evidence.csv); /auth: sign-in, sessions, MFA and SSO (REST). The session
    // cookie is the dev server's own, as the console and api share one origin in production. /supplier/:token is both
    // the supplier's page (HTML, served here) and its JSON calls (the api's): only the JSON ones are forwarded.
    proxy: {
      '/graphql': 'http://localhost:3000',
      '/api': 'http://localhost:3000',
      '/auth': 'http://localhost:3000',
      '/supplier/': {
        target: 'http://localhost:3000',
        bypass: (req) => (req.headers.accept?.includes('application/json') ? undefined : '/index.html'),
      },
    },
  },
});
