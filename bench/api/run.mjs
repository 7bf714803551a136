#!/usr/bin/env node
// `node bench/api/run.mjs`: the read benchmark (the TypeScript runs through tsx, as `lis` does).
import { register } from 'tsx/esm/api';

register();
await import('./run.ts');
