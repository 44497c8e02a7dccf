// The lint rule that keeps src/core pure: it must fail on any import from outside src/core.
// ESLint runs in a child process: its flat config is an ES module, which Jest's CommonJS sandbox cannot load.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

/** What ESLint says of each snippet, as if it were the file named: the count of no-restricted-imports errors. */
function restrictedImportsOf(cases: readonly (readonly [file: string, code: string])[]): number[] {
  // One ESLint for every case (starting one, with its typed rules, takes seconds).
  const script = `
    import { ESLint } from 'eslint';
    let input = '';
    for await (const chunk of process.stdin) input += chunk;
    const eslint = new ESLint({ cwd: process.cwd() });
    const counts = [];
    for (const [filePath, code] of JSON.parse(input)) {
      const [report] = await eslint.lintText(code, { filePath });
      counts.push(report.messages.filter((message) => message.ruleId === 'no-restricted-imports').length);
    }
    process.stdout.write(JSON.stringify(counts));
  `;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    input: JSON.stringify(cases.map(([file, code]) => [path.join(root, file), code])),
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as number[];
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

const code = (line: string) => `${line}\nexport {};\n`;
const importOf = (from: string) => `import { call } from '${from}';\nexport const x = call;\n`;
const coreMayImport =
  "import { z } from 'zod';\nimport dayjs from 'dayjs';\nimport { sumFen } from '../money';\nimport { AppError } from '@/core/errors';\nexport const x = [z, dayjs, sumFen, AppError];\n";
/** Where a screen, hook or shared part imports the api client from, and whether the lint refuses it (1) or not (0). */
const clientImports: [file: string, from: string, refused: 0 | 1][] = [
  ['src/features/admin/components/x.tsx', '@/lib/api', 1],
  ['src/pages/home/index.tsx', '../../lib/api', 1],
  ['src/components/x.tsx', '@/lib/api', 1],
  ['src/features/admin/hooks/use-x.ts', '@/lib/api', 1],
  ['src/features/apply/hooks/use-x.ts', '../../../lib/api', 1],
  ['src/features/common/use-x.ts', '@/lib/api', 1],
  ['src/features/admin/api/x.ts', '@/lib/api', 0],
  ['src/features/common/api/x.ts', '@/lib/api', 0],
  // A hook tells refusals apart with the error alone, which is not the client.
  ['src/features/admin/hooks/use-x.ts', '@/lib/api-error', 0],
];

// Every case in one ESLint run, judged by the tests below.
let counts: number[] = [];
beforeAll(() => {
  counts = restrictedImportsOf([
    ...violations.map(([file, line]) => [file, code(line)] as const),
    ['src/core/workflow/x.ts', coreMayImport] as const,
    ...clientImports.map(([file, from]) => [file, importOf(from)] as const),
  ]);
}, 60_000);

test('every import from outside src/core is an error in src/core', () => {
  expect(counts.slice(0, violations.length)).toEqual(violations.map(() => 1));
});

test('core may import zod, dayjs and other core files', () => {
  expect(counts[violations.length]).toBe(0);
});

test('screens and hooks never import the api client; only a feature’s api/ module does', () => {
  expect(counts.slice(violations.length + 1)).toEqual(clientImports.map(([, , refused]) => refused));
});
