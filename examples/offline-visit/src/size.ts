/**
 * Prints what the page downloads (HTML, bundle, service worker), minified and gzipped, with zod's
 * full locale table (as bundled by default) and with `leanZod` (English and Vietnamese only).
 * `pnpm --filter @pccovid-inspect/example-offline-visit run size`
 */
import { gzipSync } from 'node:zlib';
import { buildPage } from './build-page.js';

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
const rows: string[][] = [['bundle / gói', 'file', 'minified', 'gzip -9']];
for (const leanZod of [false, true]) {
  const files = await buildPage({ leanZod });
  let raw = 0;
  let gz = 0;
  for (const [name, text] of Object.entries({ 'index.html': files.html, 'app.js': files.app, 'sw.js': files.sw })) {
    const bytes = Buffer.byteLength(text);
    const zipped = gzipSync(text, { level: 9 }).length;
    raw += bytes;
    gz += zipped;
    rows.push([leanZod ? 'zod en+vi' : 'zod all locales', name, kib(bytes), kib(zipped)]);
  }
  rows.push([leanZod ? 'zod en+vi' : 'zod all locales', 'TOTAL / tổng', kib(raw), kib(gz)]);
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const r of rows) console.log(r.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
