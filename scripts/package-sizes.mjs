#!/usr/bin/env node
// Prints the size of the weapp main package and of each subpackage, from dist/app.json.
// Exits 1 when a package goes over our budget (stricter than WeChat's 2 MB limits, to leave headroom).
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN_LIMIT_KB = 1024;
const SUB_LIMIT_KB = 500;

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const dist = join(root, process.argv[2] ?? 'dist');
const appJsonPath = join(dist, 'app.json');

if (!existsSync(appJsonPath)) {
  console.error(`${relative(root, appJsonPath)} not found: run npm run build:weapp first`);
  process.exit(1);
}

const appJson = JSON.parse(readFileSync(appJsonPath, 'utf8'));
const subRoots = (appJson.subPackages ?? appJson.subpackages ?? []).map((sub) => String(sub.root).replace(/^\/+|\/+$/g, ''));

/** Recursively lists files under dir as paths relative to dist, with forward slashes. */
function listFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(full));
    else if (entry.isFile()) files.push({ path: relative(dist, full).split(sep).join('/'), size: statSync(full).size });
  }
  return files;
}

// WeChat does not upload these into any package.
const IGNORED = new Set(['project.config.json', 'project.private.config.json']);

const totals = new Map([['(main)', { bytes: 0, files: 0 }]]);
for (const subRoot of subRoots) totals.set(subRoot, { bytes: 0, files: 0 });

for (const file of listFiles(dist)) {
  if (IGNORED.has(file.path) || file.path.endsWith('.map')) continue;
  const owner = subRoots.find((subRoot) => file.path === subRoot || file.path.startsWith(subRoot + '/')) ?? '(main)';
  const total = totals.get(owner);
  total.bytes += file.size;
  total.files += 1;
}

const kb = (bytes) => bytes / 1024;
const rows = [...totals].map(([name, { bytes, files }]) => {
  const limit = name === '(main)' ? MAIN_LIMIT_KB : SUB_LIMIT_KB;
  return { name, files, kb: kb(bytes), limit, over: kb(bytes) > limit };
});
const allKb = rows.reduce((sum, row) => sum + row.kb, 0);

const pad = (text, width) => String(text).padEnd(width);
const padLeft = (text, width) => String(text).padStart(width);
console.log(`${pad('package', 12)}${padLeft('files', 7)}${padLeft('size KB', 11)}${padLeft('limit KB', 10)}  status`);
for (const row of rows) {
  console.log(
    `${pad(row.name, 12)}${padLeft(row.files, 7)}${padLeft(row.kb.toFixed(1), 11)}${padLeft(row.limit, 10)}  ${row.over ? 'OVER' : 'ok'}`,
  );
}
console.log(`${pad('total', 12)}${padLeft('', 7)}${padLeft(allKb.toFixed(1), 11)}`);

const over = rows.filter((row) => row.over);
if (over.length > 0) {
  console.error(`over budget: ${over.map((row) => row.name).join(', ')}`);
  process.exit(1);
}
