// How the downloadable documents and the evidence pack are laid out (issue 10, Deliver 5), before any file is
// written: parts in the form's order, figures as the board has them, and the pack's paths by indicator → award.
import { applicationDocument, selfAssessmentDocument, type DocBlock } from '@/core/exports/documents';
import { evidencePackFiles, safeFileName, safeName } from '@/core/exports/evidence-pack';
import { rollUpIndicators } from '@/core/kpi/rollup';
import type { Application, Claim } from '@/core/schemas/documents';
import { completeContent, programFrom } from './factories';

const headings = (blocks: DocBlock[]) => blocks.flatMap((block) => (block.kind === 'heading' ? [block.text] : []));

function application(overrides: Partial<Application> = {}): Application {
  const program = programFrom('sichuan-civil-2023');
  return {
    _id: 'a1',
    version: 1,
    createdAt: '2023-07-03T01:00:00.000Z',
    updatedAt: '2023-07-03T01:00:00.000Z',
    programId: program._id,
    orgId: 'o1',
    societyId: program.societyId,
    status: 'implementing',
    awardFen: 300_000,
    ...completeContent(program, 'award'),
    ...overrides,
  } as Application;
}

const claim = (
  id: string,
  applicationId: string,
  indicatorKey: string,
  amount: number,
  verification: Claim['verification'],
  fileIds: string[],
) => ({
  _id: id,
  applicationId,
  indicatorKey,
  amount,
  verification,
  description: id,
  fileIds,
  createdAt: `2023-08-0${id.length}T00:00:00.000Z`,
});

test('a form without a team table and with commitments: its parts numbered in order, with the unit’s own commitments', () => {
  const program = programFrom('sichuan-civil-2023');
  const blocks = applicationDocument(
    program,
    application({ commitments: [{ indicatorKey: 'published-results', amount: 3 }] }),
    '建筑结构专业委员会',
  );
  // seed 004's form: one text part (实施方案), the indicators, a budget and a schedule; no team table.
  expect(headings(blocks)).toEqual(['一、实施方案', '二、关键指标', '三、项目经费预算', '四、进度安排', '申报单位意见']);
  const indicators = blocks.find((block) => block.kind === 'table' && block.headers.includes('本单位承诺'));
  const row =
    indicators?.kind === 'table'
      ? indicators.rows.find((cells) => cells[1] === program.indicators.find((i) => i.key === 'published-results')?.name)
      : null;
  expect(row?.at(-1)).toBe('3');
});

test('a city form without indicators has no 关键指标 part', () => {
  const program = programFrom('suzhou-2022');
  const category = program.categories[0]!;
  const blocks = applicationDocument(
    program,
    application({ ...completeContent(program, category.key), categoryKey: category.key }),
    '某学会',
  );
  expect(headings(blocks)).toEqual([
    '一、项目内容',
    '二、实施计划',
    '三、预期成效',
    '四、项目经费预算',
    '五、进度安排',
    '六、项目成员组成及分工',
    '申报单位意见',
  ]);
});

test('the pack holds verified claims of counted awards only, one folder per award even when two share a name', () => {
  const program = programFrom('sichuan-civil-2023');
  const awards = [
    application({ _id: 'a1', orgId: 'o1', projectName: '科普进社区' }),
    application({ _id: 'a2', orgId: 'o1', projectName: '科普进社区' }),
    application({ _id: 'a3', orgId: 'o2', projectName: '未获批', status: 'notSelected' }),
  ];
  const claims = [
    claim('c1', 'a1', 'published-results', 2, 'verified', ['local://evidence/a1/u/x1.jpg', 'local://evidence/a1/u/x2.PNG']),
    claim('c22', 'a2', 'published-results', 1, 'verified', ['local://evidence/a2/u/y.pdf']),
    claim('c333', 'a1', 'published-results', 4, 'pending', ['local://evidence/a1/u/p.jpg']),
    claim('c4444', 'a3', 'published-results', 9, 'verified', ['local://evidence/a3/u/n.jpg']),
  ];
  const units = new Map([
    ['o1', '土木/建筑分会'],
    ['o2', '其他'],
  ]);
  const files = evidencePackFiles(program, awards, claims, units);
  const folder = `${String(program.indicators.findIndex((i) => i.key === 'published-results') + 1).padStart(2, '0')}-${safeName(program.indicators.find((i) => i.key === 'published-results')!.name)}`;
  expect(files.map((file) => file.row.path)).toEqual([
    `${folder}/01-土木_建筑分会-科普进社区/认领1-1.jpg`,
    `${folder}/01-土木_建筑分会-科普进社区/认领1-2.png`,
    `${folder}/02-土木_建筑分会-科普进社区/认领1-1.pdf`,
  ]);
  // The files the pack carries are the board's evidence, behind its verified figure.
  const board = rollUpIndicators(program, awards, claims).find((row) => row.key === 'published-results');
  expect(board).toMatchObject({ verified: 3, evidence: files.length });
});

test('a 天府科技云 record link is listed in the manifest with its address, holding no file, and counted as the board counts it', () => {
  const program = programFrom('sichuan-civil-2023');
  const awards = [application({ _id: 'a1', orgId: 'o1', projectName: '科技服务' })];
  const linked = {
    ...claim('c1', 'a1', 'tech-services', 2, 'verified', ['local://evidence/a1/u/x1.jpg']),
    links: ['https://www.tfkjy.cn/service/123'],
  };
  const files = evidencePackFiles(program, awards, [linked], new Map([['o1', '某分会']]));
  expect(files.map((file) => [file.fileId, file.row.fileName])).toEqual([
    ['local://evidence/a1/u/x1.jpg', '认领1-1.jpg'],
    [null, '天府科技云记录'],
  ]);
  expect(files[1]?.row.path).toBe('https://www.tfkjy.cn/service/123');
  const board = rollUpIndicators(program, awards, [linked]).find((row) => row.key === 'tech-services');
  expect(board?.evidence).toBe(files.length);
});

test('in the 绩效自评, a society-level indicator with no value recorded shows “—” achieved, a count with nothing verified shows 0', () => {
  const program = programFrom('sichuan-civil-2023');
  const rows = rollUpIndicators(program, [], []);
  const blocks = selfAssessmentDocument(program, rows, '四川省土木建筑学会', '2023-12-20');
  const table = blocks.find((block) => block.kind === 'table');
  if (table?.kind !== 'table') throw new Error('no indicator table');
  const rank = program.indicators.findIndex((indicator) => indicator.kind !== 'count');
  expect(table.rows[rank]?.slice(5)).toEqual(['—', '0']);
  const count = program.indicators.findIndex((indicator) => indicator.kind === 'count');
  expect(table.rows[count]?.slice(5)).toEqual(['0', '0']);
  expect(blocks.at(-1)).toEqual({ kind: 'paragraph', text: '2023年12月20日', align: 'right' });
});

test('an export’s file name keeps its extension however long the programme’s name, and no separator survives', () => {
  const long = `${'一流科技社团等培育示范项目'.repeat(8)}-奖补台账.xlsx`;
  expect(safeFileName(long)).toMatch(/^一流科技社团.{34}….{14}-奖补台账\.xlsx$/u);
  expect(safeFileName('土木/建筑:分会-申报书.DOCX')).toBe('土木_建筑_分会-申报书.docx');
});
