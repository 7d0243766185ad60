#!/usr/bin/env node
// Verifies every weight file in models/ against models/SHA256SUMS. Exits 1 naming each
// missing or altered file, so a corrupted or swapped model never reaches a test or a user.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FILES } from './model-files.mjs';

const dir = new URL('../models/', import.meta.url).pathname;
const sums = new Map(
  readFileSync(join(dir, 'SHA256SUMS'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(/\s+/).reverse()),
);
let bad = 0;
for (const file of FILES) {
  const path = join(dir, file);
  if (!existsSync(path)) {
    console.error(`missing: models/${file}`);
    bad++;
    continue;
  }
  const sha = createHash('sha256').update(readFileSync(path)).digest('hex');
  if (sums.get(file) !== sha) {
    console.error(
      `checksum mismatch: models/${file} is ${sha}, expected ${sums.get(file) ?? '(not listed)'}`,
    );
    bad++;
  }
}
if (bad) process.exit(1);
console.log(`models: ${FILES.length} files match SHA256SUMS`);
