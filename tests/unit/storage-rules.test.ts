// The CloudBase storage rule shipped in config/: no client reads at all, and client writes only of the
// caller's own files at the paths upload slots name (the api checks the rest when a file id is attached).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { slotPath } from '@/core/evidence/file-ids';
import { uploadExtensions } from '@/core/evidence/upload-rules';

const rules = JSON.parse(readFileSync(path.join(__dirname, '../../config/cloudbase-storage.rules.json'), 'utf8')) as {
  read: unknown;
  write: string;
};
/** The path pattern inside the write rule, as CloudBase evaluates it (a regex literal with .test). */
const pathPattern = new RegExp(/\/(\^.*\$)\/\.test\(resource\.path\) == true/.exec(rules.write)?.[1] ?? '$^');

test('clients never read storage directly, and write only their own files', () => {
  expect(rules.read).toBe(false);
  expect(rules.write).toMatch(/^auth != null && resource\.openid == auth\.openid && /);
});

test('the write rule admits exactly the paths an upload slot names', () => {
  for (const extension of uploadExtensions) {
    expect(pathPattern.test(slotPath('app_abc-123', 'u_user-1', 'a'.repeat(32), extension))).toBe(true);
  }
  for (const refused of [
    'evidence/app_1/u_user-1/' + 'a'.repeat(32) + '.html',
    'evidence/app_1/u_user-1/' + 'a'.repeat(32) + '.svg',
    'evidence/app_1/' + 'a'.repeat(32) + '.jpg',
    'evidence/app_1/u_user-1/../' + 'a'.repeat(32) + '.jpg',
    'index.html',
    'evidence/app_1/u_user-1/chosen-by-client.jpg',
  ]) {
    expect(pathPattern.test(refused)).toBe(false);
  }
});
