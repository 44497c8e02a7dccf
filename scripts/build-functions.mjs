// Bundles each cloud function with the core into a deployable folder (index.js + package.json), and
// the local server into .build/. The CloudBase SDK stays external: CloudBase installs it from package.json.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const only = process.argv[2]; // "functions" | "server" | undefined (both)

const functions = ['api', 'cron'];

/**
 * zod re-exports every locale it has from `locales/index` (as `z.locales` and `z.core.locales`), and a bundler
 * cannot drop the unused ones from a namespace that is used as a whole. The app speaks Chinese only
 * (src/core/schemas/zod-chinese.ts), so that index is replaced by one exporting zh-CN alone.
 */
const zodChineseOnly = {
  name: 'zod-chinese-only',
  setup(plugin) {
    plugin.onResolve({ filter: /^\.\.\/locales\/index\.c?js$/ }, ({ importer }) =>
      /[\\/]zod[\\/]v4[\\/]/.test(importer)
        ? { path: path.join(path.dirname(importer), '..', 'locales', 'zh-CN.js'), namespace: 'zod-locales' }
        : undefined,
    );
    plugin.onLoad({ filter: /.*/, namespace: 'zod-locales' }, ({ path: zhCN }) => ({
      contents: `export { default as zhCN } from ${JSON.stringify(zhCN)};`,
      resolveDir: path.dirname(zhCN),
      loader: 'js',
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  sourcemap: false,
  logLevel: 'warning',
  tsconfig: path.join(root, 'tsconfig.json'),
  plugins: [zodChineseOnly],
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
