#!/usr/bin/env node
// The `lis` command: runs the TypeScript sources through tsx, so it always matches the code.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
