// Benchmark (not a test): peak memory of building an evidence pack of 100 and of 1,000 photos through the api's own
// pack code (core/exports/evidence-pack.ts lays it out, cloudfunctions/api/src/evidence-pack.ts streams the ZIP),
// each size in a child process of its own, reading its peak resident set (process.resourceUsage().maxRSS) and a
// sampled RSS. The goal (issue 10, acceptance): the 1,000-photo pack within 1.2× of the 100-photo one.
//
//   npm run bench:evidence            (photos: 200 KB each, made once under the OS temp folder)
//   PHOTO_KB=500 npm run bench:evidence
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForNode, root } from './processes.mjs';

const PHOTO_KB = Number(process.env.PHOTO_KB ?? 200);
const SIZES = [100, 1000];
const photoRoot = path.join(os.tmpdir(), `xhjb-bench-photos-${PHOTO_KB}k`);
// Next to the local server's bundle, so its external packages resolve from the project's node_modules.
const bundle = path.join(root, '.build', 'bench-evidence-pack.cjs');

/** The same modules the api function runs, bundled once (the @/ alias resolved by the project's tsconfig). */
async function bundled() {
  await bundleForNode(
    {
      stdin: {
        contents: [
          "export { writeEvidencePack } from './cloudfunctions/api/src/evidence-pack';",
          "export { evidencePackFiles } from './src/core/exports/evidence-pack';",
          "export { LocalFiles } from './cloudfunctions/api/src/adapters/local-files';",
          "export { ManualClock } from './cloudfunctions/api/src/adapters/clocks';",
        ].join('\n'),
        resolveDir: root,
        loader: 'ts',
      },
    },
    bundle,
  );
}

/** 1,000 distinct photos of PHOTO_KB each (a JPEG header, then random bytes: they do not compress, like photos). */
function photos() {
  const folder = path.join(photoRoot, 'evidence');
  mkdirSync(folder, { recursive: true });
  const header = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
  for (let index = 0; index < Math.max(...SIZES); index += 1) {
    const file = path.join(folder, `photo-${index}.jpg`);
    if (!existsSync(file)) writeFileSync(file, Buffer.concat([header, randomBytes(PHOTO_KB * 1024 - header.length)]));
  }
}

/** A programme of 20 count indicators, 30 awards, claims of up to 4 photos each: `count` photos in all. */
function world(count) {
  const indicators = Array.from({ length: 20 }, (_, index) => ({ key: `k${index}`, name: `指标${index + 1}`, unit: '项', kind: 'count' }));
  const applications = Array.from({ length: 30 }, (_, index) => ({
    _id: `a${index}`,
    status: 'implementing',
    orgId: `o${index}`,
    projectName: `项目${index + 1}`,
  }));
  const claims = [];
  for (let used = 0, index = 0; used < count; index += 1) {
    const files = Math.min(4, count - used);
    claims.push({
      _id: `c${index}`,
      applicationId: `a${index % 30}`,
      indicatorKey: `k${index % 20}`,
      amount: 1,
      verification: 'verified',
      description: `认领${index}`,
      fileIds: Array.from({ length: files }, (_, file) => `local://evidence/photo-${used + file}.jpg`),
      createdAt: new Date(Date.UTC(2023, 7, 1) + index * 60_000).toISOString(),
    });
    used += files;
  }
  const unitNames = new Map(applications.map((application, index) => [application.orgId, `单位${index + 1}`]));
  return { program: { indicators }, applications, claims, unitNames };
}

/** In a child process: build one pack and print its figures as JSON. */
async function child(count) {
  const require = createRequire(import.meta.url);
  const { writeEvidencePack, evidencePackFiles, LocalFiles, ManualClock } = require(bundle);
  const { createWriteStream } = await import('node:fs');
  let sampledPeak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
  }, 5);
  const files = new LocalFiles(photoRoot, 'bench', new ManualClock('2023-08-01T00:00:00Z'));
  const { program, applications, claims, unitNames } = world(count);
  const packFiles = evidencePackFiles(program, applications, claims, unitNames);
  const out = mkdtempSync(path.join(os.tmpdir(), 'xhjb-bench-pack-'));
  const zip = path.join(out, 'pack.zip');
  const started = Date.now();
  const result = await writeEvidencePack(files, packFiles, createWriteStream(zip));
  const ms = Date.now() - started;
  clearInterval(sampler);
  sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
  const zipBytes = statSync(zip).size;
  rmSync(out, { recursive: true, force: true });
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({ count, packed: result.packed, missing: result.missing.length, zipBytes, ms, maxRssBytes, sampledPeak }));
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main() {
  await bundled();
  photos();
  const results = SIZES.map((count) =>
    JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', String(count)], { encoding: 'utf8' }).trim()),
  );
  for (const result of results) {
    console.log(
      `${String(result.count).padStart(5)} photos (${PHOTO_KB} KB each): ZIP ${mb(result.zipBytes)} in ${result.ms} ms, ` +
        `peak RSS ${mb(result.maxRssBytes)} (maxRSS), ${mb(result.sampledPeak)} (sampled); packed ${result.packed}, missing ${result.missing}`,
    );
  }
  const [small, large] = results;
  const ratio = large.maxRssBytes / small.maxRssBytes;
  const sampledRatio = large.sampledPeak / small.sampledPeak;
  console.log(`peak memory ratio 1,000 / 100: ${ratio.toFixed(3)} (maxRSS), ${sampledRatio.toFixed(3)} (sampled); goal ≤ 1.2`);
  if (ratio > 1.2) process.exitCode = 1;
}

if (process.argv[2] === '--child') await child(Number(process.argv[3]));
else await main();
