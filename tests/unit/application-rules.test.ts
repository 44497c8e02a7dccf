import { AppError } from '@/core/errors';
import {
  budgetTotalFen,
  checkApplicationWindow,
  checkContentLimits,
  checkSubmittable,
  countChars,
  isWindowOpen,
  missingForSubmission,
} from '@/core/application/rules';
import { programConfigSchema, type Program } from '@/core/program/program-schema';
import { sichuanCivil2023 } from '@/core/program/seeds/sichuan-civil-2023';

const program: Program = {
  _id: 'p',
  version: 1,
  createdAt: '2023-06-25T00:00:00.000Z',
  updatedAt: '2023-06-25T00:00:00.000Z',
  societyId: 's',
  ...programConfigSchema.parse(sichuanCivil2023),
};

const content = {
  projectName: '项目',
  plan: '方案',
  budget: [{ item: '劳务', amountFen: 300_000, basis: '' }],
  commitments: [{ indicatorKey: 'published-results', amount: 3 }],
};

function codeOf(work: () => void): string | null {
  try {
    work();
    return null;
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
}

test('characters are counted as people count them', () => {
  expect(countChars('抗震科普')).toBe(4);
  expect(countChars('𠮷野家👍')).toBe(4);
  expect(countChars('a b')).toBe(3);
});

test('the plan may have 2,000 characters, not 2,001 — rare characters count once', () => {
  expect(codeOf(() => checkContentLimits(program, { ...content, plan: '字'.repeat(2000) }))).toBeNull();
  expect(codeOf(() => checkContentLimits(program, { ...content, plan: '𠮷'.repeat(2000) }))).toBeNull();
  expect(codeOf(() => checkContentLimits(program, { ...content, plan: '字'.repeat(2001) }))).toBe('INVALID_INPUT');
});

test('the budget may reach the award amount but not pass it', () => {
  expect(budgetTotalFen(content.budget)).toBe(300_000);
  expect(codeOf(() => checkContentLimits(program, content))).toBeNull();
  const over = { ...content, budget: [...content.budget, { item: '印刷', amountFen: 1, basis: '' }] };
  expect(codeOf(() => checkContentLimits(program, over))).toBe('BUDGET_OVER_LIMIT');
});

test('commitments name count indicators of the programme, each once', () => {
  expect(codeOf(() => checkContentLimits(program, { ...content, commitments: [{ indicatorKey: 'satisfaction', amount: 1 }] }))).toBe(
    'INDICATOR_UNKNOWN',
  );
  const twice = [
    { indicatorKey: 'published-results', amount: 1 },
    { indicatorKey: 'published-results', amount: 2 },
  ];
  expect(codeOf(() => checkContentLimits(program, { ...content, commitments: twice }))).toBe('INVALID_INPUT');
});

test('an incomplete application lists what is missing, in form order', () => {
  expect(missingForSubmission({ projectName: ' ', plan: '', budget: [], commitments: [] })).toEqual([
    '项目名称',
    '实施方案',
    '经费预算',
    '指标承诺',
  ]);
  expect(codeOf(() => checkSubmittable(program, { ...content, commitments: [] }))).toBe('APPLICATION_INCOMPLETE');
  expect(codeOf(() => checkSubmittable(program, content))).toBeNull();
});

test('the call is open from its opening to the last second of its deadline day in Shanghai', () => {
  expect(codeOf(() => checkApplicationWindow(program, new Date('2023-06-24T23:59:59+08:00')))).toBe('NOT_OPEN_YET');
  expect(codeOf(() => checkApplicationWindow(program, new Date('2023-06-25T00:00:00+08:00')))).toBeNull();
  expect(codeOf(() => checkApplicationWindow(program, new Date('2023-12-31T23:59:59+08:00')))).toBeNull();
  expect(codeOf(() => checkApplicationWindow(program, new Date('2024-01-01T00:00:00+08:00')))).toBe('DEADLINE_PASSED');
  expect(isWindowOpen(program, new Date('2023-12-31T16:00:00Z'))).toBe(false);
});
