#!/usr/bin/env node
// node scripts/rig/contact_sheet.mjs SET_DIR OUT.png [--cols 4] [--scale 0.5] [--from 0 --n 16]
// A grid of a set's frames with the truth joints dotted on (hips red, knees green, ankles blue): for checking
// renders by eye — the knee stays put, the foot moves the right way, nothing deforms.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

const [dir, outPath, ...rest] = process.argv.slice(2);
const arg = (n, d) => (rest.includes(n) ? Number(rest[rest.indexOf(n) + 1]) : d);
const cols = arg('--cols', 4);
const scale = arg('--scale', 0.5);
const from = arg('--from', 0);
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const cases = manifest.cases.slice(from, from + arg('--n', 16));
const cw = Math.round(640 * scale);
const ch = Math.round(480 * scale);
const rows = Math.ceil(cases.length / cols);
const sheet = new PNG({ width: cw * cols, height: ch * rows });
const COLORS = { hip: [255, 40, 40], knee: [40, 220, 40], ankle: [60, 120, 255] };
cases.forEach((c, k) => {
  const img = PNG.sync.read(readFileSync(join(dir, c.file)));
  const s = Math.min(cw / img.width, ch / img.height);
  const ox = (k % cols) * cw;
  const oy = Math.floor(k / cols) * ch;
  for (let y = 0; y < ch; y++)
    for (let x = 0; x < cw; x++) {
      const sx = Math.floor(x / s);
      const sy = Math.floor(y / s);
      if (sx >= img.width || sy >= img.height) continue;
      const i = (sy * img.width + sx) * 4;
      const o = ((oy + y) * sheet.width + ox + x) * 4;
      sheet.data[o] = img.data[i];
      sheet.data[o + 1] = img.data[i + 1];
      sheet.data[o + 2] = img.data[i + 2];
      sheet.data[o + 3] = 255;
    }
  for (const [name, [x, y]] of Object.entries(c.truth.joints2d ?? {})) {
    const kind = Object.keys(COLORS).find((p) => name.endsWith(p));
    if (!kind) continue;
    for (let dy = -2; dy <= 2; dy++)
      for (let dx = -2; dx <= 2; dx++) {
        const px = ox + Math.round(x * s) + dx;
        const py = oy + Math.round(y * s) + dy;
        if (px < ox || py < oy || px >= ox + cw || py >= oy + ch) continue;
        const o = (py * sheet.width + px) * 4;
        [sheet.data[o], sheet.data[o + 1], sheet.data[o + 2]] = name.startsWith('left')
          ? COLORS[kind]
          : COLORS[kind].map((v) => v * 0.6);
      }
  }
});
writeFileSync(outPath, PNG.sync.write(sheet));
console.log(`${cases.length} frames → ${outPath}`);
