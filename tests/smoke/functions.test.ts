// The deployable cloud functions: each built folder has an index.js exporting main and a package.json
// naming it; the api refuses a call that carries no WeChat identity, whatever the event says.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const declared = (JSON.parse(readFileSync(path.join(root, 'cloudbaserc.json'), 'utf8')) as { functions: { name: string }[] }).functions.map(
  (f) => f.name,
);

test('cloudbaserc.json declares the api function', () => {
  expect(declared).toContain('api');
});

test.each(declared)('cloudfunctions/%s is a deployable folder whose index.js exports main', (name) => {
  const folder = path.join(root, 'cloudfunctions', name);
  if (!existsSync(path.join(folder, 'index.js')))
    throw new Error(`cloudfunctions/${name}/index.js is missing: run npm run build:functions first`);
  const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { main: string };
  expect(manifest.main).toBe('index.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fn = require(path.join(folder, 'index.js')) as { main?: unknown };
  expect(typeof fn.main).toBe('function');
});

test('the deployed api answers a call without an OPENID with UNAUTHENTICATED, even if the event names one', async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { main } = require(path.join(root, 'cloudfunctions/api/index.js')) as { main: (event: unknown) => Promise<unknown> };
  await expect(
    main({ action: 'session.me', input: {}, openid: 'demo-secretary', userInfo: { openId: 'demo-secretary' } }),
  ).resolves.toEqual({
    ok: false,
    error: { code: 'UNAUTHENTICATED', message: '请先登录' },
  });
});

test('the deployed api explains refused input in Chinese, and carries zod’s zh-CN locale alone', async () => {
  const bundle = path.join(root, 'cloudfunctions/api/index.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { main } = require(bundle) as { main: (event: unknown) => Promise<unknown> };
  const answer = (await main({ action: 'publicity.get', input: { publicityId: 5 } })) as {
    ok: boolean;
    error?: { code: string; message: string };
  };
  expect(answer.ok).toBe(false);
  expect(answer.error?.code).toBe('INVALID_INPUT');
  expect(answer.error?.message).toMatch(/publicityId：无效输入/);
  // Another locale's words (Dutch) are not shipped: scripts/build-functions.mjs keeps zh-CN only.
  const source = readFileSync(bundle, 'utf8');
  expect(source).not.toContain('Ongeldige invoer');
});
