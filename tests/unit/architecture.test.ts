// The lint rule that keeps src/core pure: it must fail on any import from outside src/core.
// ESLint runs in a child process: its flat config is an ES module, which Jest's CommonJS sandbox cannot load.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

function restrictedImports(file: string, code: string): number {
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', file, '--format', 'json'],
    {
      cwd: root,
      input: code,
      encoding: 'utf8',
    },
  );
  const [report] = JSON.parse(result.stdout) as { messages: { ruleId: string | null }[] }[];
  return report!.messages.filter((message) => message.ruleId === 'no-restricted-imports').length;
}

const violations: [string, string][] = [
  ['src/core/money.ts', "import { call } from '../lib/api';"],
  ['src/core/workflow/x.ts', "import { call } from '../../lib/api';"],
  ['src/core/program/seeds/x.ts', "import { route } from '../../../../cloudfunctions/api/src/router';"],
  ['src/core/workflow/x.ts', "import { call } from '@/lib/api';"],
  ['src/core/workflow/x.ts', "import Taro from '@tarojs/taro';"],
  ['src/core/workflow/x.ts', "import tcb from '@cloudbase/node-sdk';"],
  ['src/core/workflow/x.ts', "import { readFile } from 'node:fs/promises';"],
];

test('every import from outside src/core is an error in src/core', () => {
  const code = (line: string) => `${line}\nexport {};\n`;
  expect(violations.map(([file, line]) => restrictedImports(file, code(line)))).toEqual(violations.map(() => 1));
});

test('core may import zod, dayjs and other core files', () => {
  const code =
    "import { z } from 'zod';\nimport dayjs from 'dayjs';\nimport { sumFen } from '../money';\nimport { AppError } from '@/core/errors';\nexport const x = [z, dayjs, sumFen, AppError];\n";
  expect(restrictedImports('src/core/workflow/x.ts', code)).toBe(0);
});

test('screens and hooks never import the api client; only a feature’s api/ module does', () => {
  const code = (from: string) => `import { call } from '${from}';\nexport const x = call;\n`;
  expect(restrictedImports('src/features/admin/components/x.tsx', code('@/lib/api'))).toBe(1);
  expect(restrictedImports('src/pages/home/index.tsx', code('../../lib/api'))).toBe(1);
  expect(restrictedImports('src/components/x.tsx', code('@/lib/api'))).toBe(1);
  expect(restrictedImports('src/features/admin/hooks/use-x.ts', code('@/lib/api'))).toBe(1);
  expect(restrictedImports('src/features/apply/hooks/use-x.ts', code('../../../lib/api'))).toBe(1);
  expect(restrictedImports('src/features/common/use-x.ts', code('@/lib/api'))).toBe(1);
  expect(restrictedImports('src/features/admin/api/x.ts', code('@/lib/api'))).toBe(0);
  expect(restrictedImports('src/features/common/api/x.ts', code('@/lib/api'))).toBe(0);
  // A hook tells refusals apart with the error alone, which is not the client.
  expect(restrictedImports('src/features/admin/hooks/use-x.ts', code('@/lib/api-error'))).toBe(0);
});
