// Our npm registry mirror serves only some platforms' native binaries (e.g. no @tarojs/binding-darwin-arm64@4.2.1).
// npm install then leaves those optional packages out of package-lock.json, and `npm ci` refuses the lock as
// out of sync. This adds the missing entries the way npm writes them on a full registry: optional, with the
// os / cpu / libc their names state, so npm ci skips them on other platforms and fetches them on their own.
// Run after any `npm install` that changes the lock: node scripts/complete-lock.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const lockPath = path.resolve(import.meta.dirname, '..', 'package-lock.json');
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

const OS = ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openharmony', 'sunos', 'aix', 'netbsd', 'openbsd'];
const CPU = [
  ['arm64', 'arm64'],
  ['aarch64', 'arm64'],
  ['x64', 'x64'],
  ['ia32', 'ia32'],
  ['arm', 'arm'],
  ['ppc64', 'ppc64'],
  ['s390x', 's390x'],
  ['riscv64', 'riscv64'],
  ['loong64', 'loong64'],
  ['universal', null],
];

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = OS.find((candidate) => parts.includes(candidate));
  if (!os) return null;
  const cpuPart = CPU.find(([part]) => parts.includes(part));
  const entry = { os: [os] };
  if (cpuPart?.[1]) entry.cpu = [cpuPart[1]];
  if (os === 'linux' && parts.includes('musl')) entry.libc = ['musl'];
  else if (os === 'linux' && parts.some((part) => part.startsWith('gnu'))) entry.libc = ['glibc'];
  return entry;
}

let added = 0;
for (const [location, info] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(info.optionalDependencies ?? {})) {
    // Where npm would look for it: beside the dependent, then up the tree.
    const base = location === '' ? '' : `${location}/`;
    const candidates = [`${base}node_modules/${name}`];
    let parent = location;
    while (parent.includes('node_modules/')) {
      parent = parent.slice(0, parent.lastIndexOf('node_modules/')).replace(/\/$/, '');
      candidates.push(`${parent ? `${parent}/` : ''}node_modules/${name}`);
    }
    const nearest = candidates.find((candidate) => packages[candidate]);
    if (nearest && packages[nearest].version === version) continue;
    const platform = platformOf(name);
    if (!platform || !/^\d+\.\d+\.\d+/.test(version)) continue;
    // Hoisted when nothing of that name is on the path; otherwise beside the dependent, which shadows it.
    const target = nearest ? candidates[0] : `node_modules/${name}`;
    packages[target] = { version, ...(info.dev ? { dev: true } : {}), optional: true, ...platform };
    added += 1;
  }
}

lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: added ${added} platform-specific optional entries`);
