// What the secretariat may change in a programme, and the rules an edit keeps: the edit is the whole programme
// configuration less what identifies it (code, lineage) and what its document fixed (the source note and notes,
// each notice's minimum length, each indicator's upstream floor). The server and the settings form check an edit
// the same way: the edit contract, then programConfigSchema on the programme it makes.
import { z } from 'zod';
import { editObject, saneIsoTime, strictDeep } from '../schemas/common';
import { firstIssueText } from '../schemas/issue-text';
import {
  applicationFormSchema,
  indicatorSchema,
  noticeSchema,
  programConfigSchema,
  programConfigShape,
  stagesSchema,
  type Program,
  type ProgramConfig,
  type ProgramConfigInput,
  type Stages,
} from './program-schema';

/** A notice as edited: its length only; the shortest its document allows stays as configured. */
const noticeEdit = noticeSchema.pick({ workingDays: true });

export const stagesEditSchema = stagesSchema.extend({ shortlistNotice: noticeEdit.nullable(), resultNotice: noticeEdit.nullable() });
export type StagesEdit = z.infer<typeof stagesEditSchema>;

/** An indicator as edited: its upstream floor is the province's, not the secretariat's, and is kept by key. */
const indicatorEdit = indicatorSchema.omit({ upstream: true });

const { code: _code, lineage: _lineage, sourceNote: _sourceNote, notes: _notes, ...editableShape } = programConfigShape;

/** The fields the secretariat may not change (identity and the document's own record). */
export const fixedFields = ['code', 'lineage', 'sourceNote', 'notes'] as const;

/** Every object in the edit refuses a key it does not know, by name (a typo must not pass as saved). */
export const programEditSchema = strictDeep(
  editObject({
    ...editableShape,
    opensAt: saneIsoTime,
    deadline: saneIsoTime,
    implementationEndsAt: saneIsoTime,
    finalReportDueAt: saneIsoTime,
    stages: stagesEditSchema,
    form: applicationFormSchema,
    indicators: z.array(indicatorEdit),
  }),
);
export type ProgramEdit = z.infer<typeof programEditSchema>;
export type ProgramEditInput = z.input<typeof programEditSchema>;

/** Field names as the settings form shows them, for messages about a field (see issueText). */
export const programFieldLabels: Readonly<Record<string, string>> = {
  name: '名称',
  year: '年度',
  summary: '项目简介',
  poolFen: '资金池',
  memberKinds: '申报范围单位类型',
  label: '申报范围名称',
  opensAt: '申报开始时间',
  deadline: '截止时间',
  implementationEndsAt: '实施结束时间',
  finalReportDueAt: '结项报告截止时间',
  reviewDueAt: '专家评审截止时间',
  dueAt: '截止时间',
  workingDays: '公示工作日数',
  advancePercent: '立项后拨付比例',
  months: '整改月数',
  group: '分组',
  description: '说明',
  quotaMin: '名额下限',
  quotaMax: '名额上限',
  awardAmountFen: '单项金额',
  applicantKinds: '申报单位类型',
  maxPerOrg: '每单位限报数',
  years: '年数',
  mutuallyExclusive: '互不兼报',
  title: '栏目标题',
  hint: '填写提示',
  maxChars: '字数上限',
  projectNameMaxChars: '项目名称字数上限',
  maxLines: '预算最多行数',
  maxRows: '最多行数',
  text: '承诺书文字',
  weight: '权重',
  maxScore: '满分',
  target: '目标值',
  unit: '单位',
  note: '备注',
  key: '编码',
};

/** A programme's configuration: the stored programme less its storage and organiser fields. */
export function programConfigOf(program: ProgramConfig & Partial<Program>): ProgramConfig {
  const pick = {} as Record<string, unknown>;
  for (const field of Object.keys(programConfigShape)) pick[field] = (program as Record<string, unknown>)[field];
  return pick as ProgramConfig;
}

function noticeOf(notice: Stages['shortlistNotice']): StagesEdit['shortlistNotice'] {
  return notice ? { workingDays: notice.workingDays } : null;
}

/** The edit that leaves the programme as it is (the settings form starts from it). */
export function editOfConfig(config: ProgramConfig): ProgramEdit {
  const { code: _c, lineage: _l, sourceNote: _s, notes: _n, ...rest } = config;
  return {
    ...rest,
    stages: {
      ...config.stages,
      shortlistNotice: noticeOf(config.stages.shortlistNotice),
      resultNotice: noticeOf(config.stages.resultNotice),
    },
    indicators: config.indicators.map(({ upstream: _upstream, ...indicator }) => indicator),
  };
}

/** The programme an edit makes: the edit, with the fixed fields, notice minimums and upstream floors kept. */
export function withEdit(config: ProgramConfig, edit: ProgramEdit): ProgramConfigInput {
  const { shortlistNotice, resultNotice } = config.stages;
  // A notice switched on takes the programme's other notice's minimum, else the schema's default.
  const minimum = (shortlistNotice ?? resultNotice)?.minWorkingDays;
  const notice = (edited: StagesEdit['shortlistNotice'], stored: Stages['shortlistNotice']) =>
    edited ? { workingDays: edited.workingDays, minWorkingDays: stored?.minWorkingDays ?? minimum } : null;
  const upstream = new Map(config.indicators.map((indicator) => [indicator.key, indicator.upstream]));
  return {
    ...edit,
    code: config.code,
    lineage: config.lineage,
    sourceNote: config.sourceNote,
    notes: config.notes,
    stages: {
      ...edit.stages,
      shortlistNotice: notice(edit.stages.shortlistNotice, shortlistNotice),
      resultNotice: notice(edit.stages.resultNotice, resultNotice),
    },
    indicators: edit.indicators.map((indicator) => ({ ...indicator, upstream: upstream.get(indicator.key) ?? null })),
  };
}

/**
 * The edit checked by its contract, and the programme it makes checked by programConfigSchema; the first problem
 * in Chinese, with the field's name, otherwise.
 */
export function checkEdit(config: ProgramConfig, edit: unknown): { edit: ProgramEdit; config: ProgramConfig } | { issue: string } {
  const parsedEdit = programEditSchema.safeParse(edit);
  if (!parsedEdit.success) return { issue: firstIssueText(parsedEdit.error, edit, programFieldLabels) };
  const next = withEdit(config, parsedEdit.data);
  const parsed = programConfigSchema.safeParse(next);
  if (!parsed.success) return { issue: firstIssueText(parsed.error, next, programFieldLabels) };
  return { edit: parsedEdit.data, config: parsed.data };
}

/** What the programme's applications and reviews already rest on. */
export interface ProgramUse {
  /** The programme is still a draft (nobody outside the secretariat has seen it). */
  draft: boolean;
  /** Category keys some application (even a draft) is in. */
  categoriesInUse: ReadonlySet<string>;
  /** Section keys some application has written in. */
  sectionsInUse: ReadonlySet<string>;
  /** Some expert has scored an application. */
  scored: boolean;
  /** Some application has been shortlisted (拟立项) or granted. */
  shortlisted: boolean;
  /** Some award has been granted (立项). */
  granted: boolean;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The stages' switches (not their lengths and dates), before 立项 and from 立项 on. */
function beforeAward(stages: Stages) {
  return [stages.expertReview, stages.shortlistNotice !== null];
}
function fromAward(stages: Stages) {
  const { agreement, advancePercent, midterm, resultNotice, rectification, failure } = stages;
  return [agreement, advancePercent, midterm?.categories ?? null, resultNotice !== null, rectification !== null, failure];
}

/**
 * Why an edit would break what the programme's applications rest on, or null: a category or section in use
 * removed, the review criteria changed once scores exist, a stage switched under awards already past it (the
 * review and shortlist notice once anything is shortlisted; agreement, payment share, mid-term, result notice,
 * rectification and failure once anything is granted), or the year changed after publishing.
 */
export function structuralIssue(before: ProgramConfig, after: ProgramConfig, use: ProgramUse): string | null {
  if (!use.draft && before.year !== after.year) return '项目发布后不能修改年度';
  const removedCategory = before.categories.find(
    (category) => use.categoriesInUse.has(category.key) && !after.categories.some((kept) => kept.key === category.key),
  );
  if (removedCategory) return `类别“${removedCategory.name}”已有申报，不能删除`;
  const removedSection = before.form.sections.find(
    (section) => use.sectionsInUse.has(section.key) && !after.form.sections.some((kept) => kept.key === section.key),
  );
  if (removedSection) return `栏目“${removedSection.title}”已有申报书填写，不能删除`;
  const scoring = (config: ProgramConfig) => config.reviewCriteria.map(({ key, weight, maxScore }) => [key, weight, maxScore]);
  if (use.scored && !same(scoring(before), scoring(after))) return '已有专家评分，评审指标、权重和满分不能再修改';
  if (use.shortlisted && !same(beforeAward(before.stages), beforeAward(after.stages))) {
    return '已有项目拟立项，专家评审和拟立项公示环节不能再开启或取消';
  }
  if (use.granted && !same(fromAward(before.stages), fromAward(after.stages))) {
    return '已有项目立项，协议、立项后拨付比例、中期检查、结果公示、整改和未通过的处理不能再修改';
  }
  return null;
}

/** The parts of a programme, by the name the settings form gives them, for the audit's summary of an edit. */
const parts: readonly [string, (config: ProgramConfig) => unknown][] = [
  ['名称和简介', (config) => [config.name, config.year, config.summary]],
  ['资金池', (config) => config.poolFen],
  ['申报范围', (config) => config.applicants],
  ['时间安排', (config) => [config.opensAt, config.deadline, config.implementationEndsAt, config.finalReportDueAt, config.phases]],
  ['流程环节', (config) => config.stages],
  ['申报条件', (config) => config.eligibility],
  ['互不兼报', (config) => config.mutuallyExclusive],
  ['申报书限制', (config) => [config.form.projectNameMaxChars, config.form.budget, config.form.schedule, config.form.team]],
  ['附件', (config) => config.form.attachments],
  ['承诺书', (config) => config.form.commitment],
  ['评审指标', (config) => config.reviewCriteria],
  ['绩效指标', (config) => config.indicators],
];

/** The rows of a list added and removed, by name. */
function listChange(label: string, before: readonly { key: string; name: string }[], after: readonly { key: string; name: string }[]) {
  const added = after.filter((row) => !before.some((old) => old.key === row.key)).map((row) => `新增“${row.name}”`);
  const removed = before.filter((row) => !after.some((kept) => kept.key === row.key)).map((row) => `删除“${row.name}”`);
  const changes = [...added, ...removed];
  return changes.length > 0 ? `${label}（${changes.join('，')}）` : label;
}

/** A short Chinese summary of what an edit changed, e.g. 修改：流程环节、类别（新增“科普”）、评审指标; null: nothing. */
export function editSummary(before: ProgramConfig, after: ProgramConfig): string | null {
  const changed: string[] = [];
  for (const [label, read] of parts) if (!same(read(before), read(after))) changed.push(label);
  if (!same(before.categories, after.categories)) changed.push(listChange('类别', before.categories, after.categories));
  if (!same(before.form.sections, after.form.sections)) {
    const named = (sections: ProgramConfig['form']['sections']) => sections.map((section) => ({ key: section.key, name: section.title }));
    changed.push(listChange('申报书栏目', named(before.form.sections), named(after.form.sections)));
  }
  return changed.length === 0 ? null : `修改：${changed.join('、')}`.slice(0, 500);
}
