import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The workspace packages are pure TypeScript (no import-time effects): let the bundler drop what the
// web does not use, e.g. the TypeBox schemas next to the feed specs in @lis/contracts.
const pureWorkspacePackage = /[\\/]packages[\\/](contracts|domain)[\\/]src[\\/]/;

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': 'http://localhost:3000', '/health': 'http://localhost:3000' } },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // ECharts alone is ~500 kB minified; the budget that matters is the overview's ≤ 300 kB gzip.
    chunkSizeWarningLimit: 900,
    rolldownOptions: { treeshake: { moduleSideEffects: (id: string) => !pureWorkspacePackage.test(id) } },
  },
});
