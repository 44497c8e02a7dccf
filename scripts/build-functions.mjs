// Bundles each cloud function with the core into a deployable folder (index.js + package.json), and
// the local server into .build/. The CloudBase SDK stays external: CloudBase installs it from package.json.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const only = process.argv[2]; // "functions" | "server" | undefined (both)

const functions = ['api', 'cron'];
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  sourcemap: false,
  logLevel: 'warning',
  tsconfig: path.join(root, 'tsconfig.json'),
};

const started = Date.now();
if (only !== 'server') {
  for (const name of functions) {
    const folder = path.join(root, 'cloudfunctions', name);
    const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'));
    await build({
      ...common,
      entryPoints: [path.join(folder, 'src', 'index.ts')],
      outfile: path.join(folder, 'index.js'),
      target: 'node20',
      minify: true,
      external: Object.keys(manifest.dependencies ?? {}),
    });
    console.log(`cloudfunctions/${name}/index.js built`);
  }
}
if (only !== 'functions') {
  await build({
    ...common,
    entryPoints: [path.join(root, 'cloudfunctions', 'local-server', 'src', 'main.ts')],
    outfile: path.join(root, '.build', 'local-server.cjs'),
    target: 'node20',
    packages: 'external',
  });
  console.log('.build/local-server.cjs built');
}
console.log(`done in ${Date.now() - started} ms`);
