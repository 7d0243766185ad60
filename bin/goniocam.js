#!/usr/bin/env node
// The goniocam CLI entry: runs the TypeScript sources through tsx, so the CLI is the app's code, not a copy.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
