// Benchmark (not a test): what a phone's browser downloads to show the H5 sign-in page the first time (empty
// cache): every script, style sheet and font it fetches, each gzipped here (zlib, level 9) and summed, beside the
// bytes the local server actually sent (it compresses, brotli when asked). The goal (issue 11): ≤ 140 KB gzipped.
//
//   node bench/h5-first-page.mjs      (needs npm run build:h5 and npm run build:server)
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { root, startProcess, stopProcess } from './processes.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROUTE = '/#/pages/login/index';

/**
 * Opens the sign-in page in a fresh browser and sums what it loaded. Returns { files, gzipBytes, sentBytes }.
 * @param {{ quiet?: boolean }} [options]
 */
export async function measureFirstPage(options = {}) {
  const log = options.quiet ? () => {} : console.log;
  const staticDir = path.join(root, 'dist-h5');
  const serverBundle = path.join(root, '.build', 'local-server.cjs');
  if (!existsSync(path.join(staticDir, 'index.html'))) throw new Error('dist-h5 is missing: run npm run build:h5 first');
  if (!existsSync(serverBundle)) throw new Error('.build/local-server.cjs is missing: run npm run build:server first');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'xhjb-bench-h5-'));
  const server = await startProcess([serverBundle], { PORT: '0', DATA_DIR: dataDir, STATIC_DIR: staticDir });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
    const loaded = [];
    page.on('response', async (response) => {
      const type = response.request().resourceType();
      if (!['document', 'script', 'stylesheet', 'font'].includes(type)) return;
      const sizes = await response.request().sizes();
      loaded.push({ url: response.url(), type, body: await response.body(), sent: sizes.responseBodySize });
    });
    await page.goto(`${server.base}${ROUTE}`, { waitUntil: 'networkidle' });
    await page.locator('.home-title').first().waitFor({ timeout: 30_000 });
    const files = loaded.map(({ url, type, body, sent }) => ({
      path: new URL(url).pathname,
      type,
      bytes: body.length,
      gzipBytes: gzipSync(body, { level: 9 }).length,
      sentBytes: sent,
    }));
    const sum = (field) => files.reduce((total, file) => total + file[field], 0);
    const result = { route: ROUTE, files, bytes: sum('bytes'), gzipBytes: sum('gzipBytes'), sentBytes: sum('sentBytes') };
    const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(7);
    log(`H5 sign-in page (${ROUTE}), first load:`);
    for (const file of files.sort((a, b) => b.gzipBytes - a.gzipBytes)) {
      log(`  ${file.type.padEnd(10)} ${file.path.padEnd(44)} ${kb(file.bytes)} KB  gzip ${kb(file.gzipBytes)} KB`);
    }
    log(
      `  total: ${kb(result.bytes)} KB, gzipped ${kb(result.gzipBytes)} KB (goal ≤ 140 KB), sent by the server ${kb(result.sentBytes)} KB`,
    );
    return result;
  } finally {
    await browser.close();
    await stopProcess(server.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await measureFirstPage();
}
