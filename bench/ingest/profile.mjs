#!/usr/bin/env node
// `node bench/ingest/profile.mjs [--rows N]`: where the time of an ingest goes (the TypeScript runs through tsx, as `lis` does).
import { register } from 'tsx/esm/api';

register();
await import('./profile.ts');
