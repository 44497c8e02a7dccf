// The files the secretariat downloads (issue 10, Deliver 5), read back from storage: Word documents through their
// word/document.xml, the evidence pack through its ZIP listing and manifest sheet; each checked against the board
// (dashboard.get) and the records. The ledger's Excel is tests/integration/award-ledger.test.ts.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { formatCalendarDay } from '@/core/calendar/shanghai';
import { formatFen } from '@/core/money';
import type { ApplicationView } from '@/core/schemas/actions';
import { MANIFEST_HEADERS, MANIFEST_NAME, MANIFEST_SHEET } from '../../cloudfunctions/api/src/evidence-pack';
import { exportedBytes, tableRecords, wordContent } from '../support/exports';
import { OPENID, PROGRAM_ID, requestId, startHarness, type Harness } from '../support/harness';
import { appliedTo, current, publicizedAndClosed, shortlisted, submitted } from '../support/lifecycle';
import { JPEG_BYTES, uploadedThroughSlot } from '../support/uploads';

const PROVINCIAL = 'program-sichuan-first-class-society-2023';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

/** Two awards of the society's programme, approved after the 公示. */
async function twoAwards() {
  const first = await shortlisted(h, await submitted(h, OPENID.structure));
  const second = await shortlisted(h, await submitted(h, OPENID.academic));
  const notice = await publicizedAndClosed(h);
  return {
    first: await current(h, OPENID.secretary, first._id),
    second: await current(h, OPENID.secretary, second._id),
    publicity: notice.publicity,
  };
}

/** A photo whose bytes say which one it is, so the pack's copy can be matched to the upload. */
const photo = (mark: string) => Buffer.concat([JPEG_BYTES, Buffer.from(mark)]);

async function claimWith(
  openid: string,
  award: ApplicationView,
  indicatorKey: string,
  amount: number,
  photos: Buffer[],
  decision: 'verified' | 'rejected' | null,
) {
  const fileIds: string[] = [];
  for (const bytes of photos) fileIds.push(await uploadedThroughSlot(h, openid, award._id, 'claim', bytes));
  const claim = await h.as(openid, 'claim.add', {
    applicationId: award._id,
    requestId: requestId(),
    indicatorKey,
    amount,
    description: `认领${amount}`,
    fileIds,
  });
  if (decision === null) return { claim, fileIds };
  await h.as(OPENID.secretary, 'claim.verify', {
    claimId: claim._id,
    version: claim.version,
    decision,
    ...(decision === 'rejected' ? { reason: '佐证材料与认领内容不符' } : {}),
  });
  return { claim, fileIds };
}

test('the provincial application downloads as a Word file in the form’s order: seed 000 一 to 八, then 申报单位意见', async () => {
  h.clock.set('2023-06-20T09:00:00+08:00'); // inside the provincial call (15 … 26 June)
  const { created, result } = await appliedTo(h, OPENID.scceas, PROVINCIAL, 'society', {
    budget: [
      { item: '学术会议', amountFen: 8_000_000, basis: '2场×4万元' },
      { item: '科普活动', amountFen: 3_500_050, basis: '' },
    ],
    schedule: [
      { phase: '第一阶段', startsOn: '2023-07-01', endsOn: '2023-09-30', work: '制定方案', owner: '秘书长' },
      { phase: '第二阶段', startsOn: '2023-10-01', endsOn: '2023-12-31', work: '组织实施', owner: '副秘书长' },
    ],
    team: [
      { name: '张三', age: 45, title: '教授', employer: '四川大学', task: '项目负责人' },
      { name: '李四', age: null, title: '高级工程师', employer: '省建筑设计院', task: '科普' },
    ],
  });
  expect(result.ok).toBe(true);

  const file = await h.as(OPENID.secretarySast, 'export.application', { applicationId: created._id });
  expect(file.fileName).toMatch(/申报书\.docx$/);
  const word = await wordContent(await exportedBytes(h, file, PROVINCIAL));
  // Seed 000 (the provincial form): 一、基本情况 (line 47), 二、关键指标, 三 … 五 text parts, 六、经费预算 (line 174),
  // 七、进度安排 (line 209), 八、项目成员组成及分工, then 申报单位意见 (line 269).
  const headings = word.paragraphs.filter((text) => /^[一二三四五六七八九十]+、/u.test(text) || text === '申报单位意见');
  expect(headings).toEqual([
    '一、项目申报单位基本情况',
    '二、关键指标',
    '三、重点工作内容及具体举措',
    '四、项目目标及预期成效',
    '五、项目实施条件及保障措施',
    '六、项目经费预算',
    '七、进度安排',
    '八、项目成员组成及分工',
    '申报单位意见',
  ]);
  const [head, indicators, budget, schedule, team] = word.tables;
  expect(tableRecords(head ?? [])[0]).toMatchObject({ 申报单位: '四川省土木建筑学会', 项目名称: created.projectName });
  const program = await h.store.get('programs', PROVINCIAL);
  expect(tableRecords(indicators ?? []).map((row) => [row['指标'], row['项目要求']])).toEqual(
    program?.indicators.map((indicator) => [indicator.name, String(indicator.target)]),
  );
  expect(tableRecords(budget ?? []).map((row) => [row['支出内容明细'], row['金额（元）']])).toEqual([
    ['学术会议', '80,000.00'],
    ['科普活动', '35,000.50'],
    ['', '115,000.50'],
  ]);
  expect(word.paragraphs).toContain('项目经费总预算 115,000.50 元');
  expect(tableRecords(schedule ?? []).map((row) => row['起止日期'])).toEqual([
    '2023年7月1日至2023年9月30日',
    '2023年10月1日至2023年12月31日',
  ]);
  expect(tableRecords(team ?? []).map((row) => [row['姓名'], row['年龄'], row['工作单位']])).toEqual([
    ['张三', '45', '四川大学'],
    ['李四', '—', '省建筑设计院'],
  ]);
  expect(word.paragraphs).toContain(program?.form.commitment?.text);
  expect(word.paragraphs).toContain('签名：法定代表人');

  // The applicant itself and another organiser's secretariat get nothing.
  expect(await h.refused(OPENID.scceas, 'export.application', { applicationId: created._id })).toBe('FORBIDDEN');
  expect(await h.refused(OPENID.secretary, 'export.application', { applicationId: created._id })).toBe('NOT_FOUND');
});

test('the 公示 Word file names the issuer, the dates, every listed award and how to object; the 立项通知 lists the approved awards adding up to the board', async () => {
  const { first, second, publicity } = await twoAwards();

  const notice = await h.as(OPENID.secretary, 'export.publicity', { publicityId: publicity._id });
  const word = await wordContent(await exportedBytes(h, notice, PROGRAM_ID));
  expect(word.paragraphs[0]).toBe(publicity.title);
  const text = word.paragraphs.join('\n');
  expect(text).toContain(
    `${formatCalendarDay(publicity.opensOn)}至${formatCalendarDay(publicity.closesOn)}（${publicity.workingDays}个工作日）`,
  );
  expect(text).toContain('异议方式');
  expect(text).toContain(publicity.contact);
  expect(word.paragraphs.at(-2)).toBe('四川省土木建筑学会');
  const listed = tableRecords(word.tables[0] ?? []);
  expect(listed.slice(0, -1).map((row) => [row['申报单位'], row['项目名称'], row['奖补金额（元）']])).toEqual(
    publicity.entries.map((entry) => [entry.orgName, entry.projectName, formatFen(entry.awardFen)]),
  );

  const board = await h.as(OPENID.secretary, 'dashboard.get', { programId: PROGRAM_ID });
  const awardNotice = await h.as(OPENID.secretary, 'export.awardNotice', { programId: PROGRAM_ID });
  expect(awardNotice.fileName).toMatch(/立项通知\.docx$/);
  const awards = tableRecords((await wordContent(await exportedBytes(h, awardNotice, PROGRAM_ID))).tables[0] ?? []);
  const total = awards.pop();
  expect(awards.map((row) => row['项目名称']).sort()).toEqual([first.projectName, second.projectName].sort());
  expect(total?.['奖补金额（元）']).toBe(formatFen(board.grantedFen));
  expect(awards.length).toBe(board.counts.approved);
});

test('the 绩效自评 table and the evidence pack carry the board’s verified figures and every file of the verified claims, by indicator and award', async () => {
  const { first, second } = await twoAwards();
  const a = await claimWith(OPENID.structure, first, 'published-results', 2, [photo('a1'), photo('a2')], 'verified');
  const b = await claimWith(OPENID.academic, second, 'published-results', 1, [photo('b1')], 'verified');
  const c = await claimWith(OPENID.academic, second, 'papers-recommended', 3, [photo('c1')], 'verified');
  // Neither a claim waiting for verification nor a rejected one is counted or packed.
  const pending = await claimWith(OPENID.structure, first, 'papers-recommended', 5, [photo('p1')], null);
  const rejected = await claimWith(OPENID.structure, first, 'published-results', 4, [photo('r1')], 'rejected');

  const board = await h.as(OPENID.secretary, 'dashboard.get', { programId: PROGRAM_ID });
  const report = await h.as(OPENID.secretary, 'export.selfAssessment', { programId: PROGRAM_ID });
  const word = await wordContent(await exportedBytes(h, report, PROGRAM_ID));
  const rows = tableRecords(word.tables[0] ?? []);
  const shown = (value: number | null) => (value === null ? '—' : String(value));
  expect(rows.map((row) => [row['指标'], row['目标值'], row['省级最低要求'], row['已完成（核实）'], row['佐证材料（份）']])).toEqual(
    board.rows.map((row) => [row.name, shown(row.goal), shown(row.provinceMinimum), shown(row.achieved), shown(row.evidence)]),
  );
  const evidence = Object.fromEntries(rows.map((row) => [row['指标'], row['佐证材料（份）']]));
  const nameOf = (key: string) => board.rows.find((row) => row.key === key)?.name ?? key;
  expect(evidence[nameOf('published-results')]).toBe('3');
  expect(evidence[nameOf('papers-recommended')]).toBe('1');
  expect(board.rows.find((row) => row.key === 'published-results')?.verified).toBe(3);

  const pack = await h.as(OPENID.secretary, 'export.evidencePack', { programId: PROGRAM_ID });
  expect(pack.fileName).toMatch(/佐证材料包\.zip$/);
  const zip = await JSZip.loadAsync(await exportedBytes(h, pack, PROGRAM_ID));
  const listing = Object.values(zip.files)
    .filter((entry) => !entry.dir)
    .map((entry) => entry.name);
  expect(listing).toContain(MANIFEST_NAME);
  const packed = listing.filter((name) => name !== MANIFEST_NAME);
  expect(packed).toHaveLength(4);
  // indicator / award / file, three levels.
  for (const name of packed) expect(name.split('/')).toHaveLength(3);

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await zip.file(MANIFEST_NAME)!.async('nodebuffer')) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(MANIFEST_SHEET)!;
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...MANIFEST_HEADERS]);
  const manifest: Record<string, unknown>[] = [];
  sheet.eachRow((row, number) => {
    if (number > 1) manifest.push(Object.fromEntries(MANIFEST_HEADERS.map((header, index) => [header, row.getCell(index + 1).value])));
  });
  expect(manifest.map((row) => row['包内路径']).sort()).toEqual([...packed].sort());
  expect(new Set(manifest.map((row) => row['核实状态']))).toEqual(new Set(['已核实']));
  expect(new Set(manifest.map((row) => row['打包']))).toEqual(new Set(['已打包']));

  // Each packed file is the very photo uploaded, under its indicator's and award's folders.
  const units = new Map(
    await Promise.all(
      [first, second].map(async (award) => [award._id, (await h.store.get('organizations', award.orgId))?.name ?? ''] as const),
    ),
  );
  const expected = [
    { claim: a, award: first, indicator: 'published-results', photos: ['a1', 'a2'] },
    { claim: b, award: second, indicator: 'published-results', photos: ['b1'] },
    { claim: c, award: second, indicator: 'papers-recommended', photos: ['c1'] },
  ];
  for (const { award, indicator, photos } of expected) {
    const rowsOfClaim = manifest.filter(
      (row) => row['指标'] === nameOf(indicator) && row['项目名称'] === award.projectName && row['申报单位'] === units.get(award._id),
    );
    expect(rowsOfClaim).toHaveLength(photos.length);
    for (const [index, row] of rowsOfClaim.entries()) {
      const path = String(row['包内路径']);
      expect(path.split('/')[0]).toContain(nameOf(indicator));
      expect(path.split('/')[1]).toContain(units.get(award._id));
      expect(Buffer.compare(await zip.file(path)!.async('nodebuffer'), photo(photos[index]!))).toBe(0);
    }
  }
  // Per indicator, the claims in the manifest add up to the board's verified figure.
  for (const row of board.rows.filter((candidate) => candidate.verified !== null)) {
    const claims = new Map(
      manifest
        .filter((entry) => entry['指标'] === row.name)
        .map((entry) => [`${entry['申报单位']}/${entry['项目名称']}/${entry['认领说明']}`, Number(entry['认领数量'])]),
    );
    expect([...claims.values()].reduce((sum, amount) => sum + amount, 0)).toBe(row.verified);
  }
  const packedBytes = await Promise.all(packed.map((name) => zip.file(name)!.async('nodebuffer')));
  for (const left of [...pending.fileIds, ...rejected.fileIds]) {
    const bytes = await h.files.read(left);
    const original = await (await import('node:stream/consumers')).buffer(bytes!);
    expect(packedBytes.some((packedFile) => Buffer.compare(packedFile, original) === 0)).toBe(false);
  }
});

test('the province’s staff, whose programme the indicators are linked to, may take the 绩效自评 and the evidence pack; nobody else outside the society may', async () => {
  await twoAwards();
  const report = await h.as(OPENID.secretarySast, 'export.selfAssessment', { programId: PROGRAM_ID });
  expect(report.fileName).toContain('四川省土木建筑学会');
  const pack = await h.as(OPENID.secretarySast, 'export.evidencePack', { programId: PROGRAM_ID });
  expect(pack.size).toBeGreaterThan(0);
  // The province reads, but does not run the society's programme: its ledger, notices and applications stay the society's.
  expect(await h.refused(OPENID.secretarySast, 'export.awardLedger', { programId: PROGRAM_ID })).toBe('NOT_FOUND');
  expect(await h.refused(OPENID.secretarySast, 'export.awardNotice', { programId: PROGRAM_ID })).toBe('NOT_FOUND');
  for (const action of ['export.selfAssessment', 'export.evidencePack'] as const) {
    expect(await h.refused(OPENID.secretaryXuzhou, action, { programId: PROGRAM_ID })).toBe('NOT_FOUND');
    expect(await h.refused(OPENID.structure, action, { programId: PROGRAM_ID })).toBe('FORBIDDEN');
    expect(await h.refused(OPENID.reviewer, action, { programId: PROGRAM_ID })).toBe('FORBIDDEN');
  }
});

test('a pack whose file storage no longer has still builds, and its manifest says which file is missing', async () => {
  const { first } = await twoAwards();
  const { fileIds } = await claimWith(OPENID.structure, first, 'published-results', 1, [photo('kept'), photo('lost')], 'verified');
  const { rmSync } = await import('node:fs');
  rmSync(h.files.resolve(fileIds[1]!.replace('local://', '')));
  const pack = await h.as(OPENID.secretary, 'export.evidencePack', { programId: PROGRAM_ID });
  const zip = await JSZip.loadAsync(await exportedBytes(h, pack, PROGRAM_ID));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await zip.file(MANIFEST_NAME)!.async('nodebuffer')) as unknown as ArrayBuffer);
  const statuses: string[] = [];
  workbook.getWorksheet(MANIFEST_SHEET)!.eachRow((row, number) => {
    if (number > 1) statuses.push(String(row.getCell(MANIFEST_HEADERS.indexOf('打包') + 1).value));
  });
  expect(statuses).toEqual(['已打包', '文件缺失']);
  expect(Object.values(zip.files).filter((entry) => !entry.dir)).toHaveLength(2);
});
