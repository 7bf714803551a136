// Bundles the server and the `lis` command into dist/: workspace packages are compiled in,
// third-party packages stay external and are loaded from node_modules.
import { build } from 'esbuild';

await build({
  absWorkingDir: new URL('..', import.meta.url).pathname, // the same output whatever the caller's directory
  entryPoints: { server: 'src/server.ts', cli: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'external-node-modules',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('@lis/') ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
});
console.log('built apps/api/dist/server.js and dist/cli.js');
