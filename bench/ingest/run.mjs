#!/usr/bin/env node
// `node bench/ingest/run.mjs [--rows N]`: the ingestion benchmark (the TypeScript runs through tsx, as `lis` does).
import { register } from 'tsx/esm/api';

register();
await import('./run.ts');
