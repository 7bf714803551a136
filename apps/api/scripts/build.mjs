// Bundles the server and the `lis` command into dist/ (or `--outdir <dir>`, a directory under
// apps/api so that node_modules resolve): workspace packages are compiled in, third-party
// packages stay external and are loaded from node_modules.
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const { outdir } = parseArgs({ options: { outdir: { type: 'string', default: 'dist' } } }).values;

await build({
  absWorkingDir: new URL('..', import.meta.url).pathname, // the same output whatever the caller's directory
  entryPoints: { server: 'src/server.ts', cli: 'src/cli/main.ts' },
  outdir,
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
console.log(`built server.js and cli.js in ${outdir}`);
