// What the Word documents the secretariat downloads say, as plain blocks (headings, paragraphs, tables of text):
// an application in its programme's form shape, the 公示 notice, the 立项通知 and the 绩效自评 report. The docx file
// is written from these at the edge (cloudfunctions/api/src/word-document.ts); figures come from the board.
import { formatCalendarDay, formatDaySpan } from '../calendar/shanghai';
import { ledgerOrder } from '../award/ledger';
import { countsTowardTargets, type IndicatorRow } from '../kpi/tally';
import { formatFen } from '../money';
import type { Program } from '../program/program-schema';
import { categoryByKey, dimensionLabels } from '../program/program-rules';
import { noticeKinds, kindOf } from '../publicity/notice-kinds';
import type { Application, Publicity } from '../schemas/documents';

export type DocBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; align?: 'right' }
  | { kind: 'table'; headers: string[]; rows: string[][] };

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];
/** 1 → "一、" (the numbering of the provincial form's parts). */
const numbered = (index: number, title: string) => `${NUMERALS[index] ?? String(index + 1)}、${title}`;
const paragraphs = (text: string): DocBlock[] =>
  (text.trim() === '' ? ['（未填写）'] : text.split(/\n+/u)).map((line) => ({ kind: 'paragraph', text: line }));
/** A figure as the tables print it: "—" where there is none. */
export const figure = (value: number | null | undefined): string => (value === null || value === undefined ? '—' : String(value));

type FormProgram = Pick<Program, 'name' | 'form' | 'categories' | 'indicators'>;

/**
 * An application laid out as its programme's form: the form's text sections in order, the key indicators (seed
 * 000 puts 二、关键指标 right after 一、项目申报单位基本情况), then the budget (六), schedule (七) and team (八)
 * tables the form asks for, and the signed declaration (申报单位意见). Parts the form does not ask are left out.
 */
export function applicationDocument(program: FormProgram, application: Application, unitName: string): DocBlock[] {
  const { form } = program;
  const category = categoryByKey(program, application.categoryKey);
  const subtype = category?.subtypes.find((candidate) => candidate.key === application.subtypeKey);
  const parts: { title: string; blocks: DocBlock[] }[] = form.sections.map((section) => ({
    title: section.title,
    blocks: paragraphs(application.sections[section.key] ?? ''),
  }));
  if (program.indicators.length > 0) {
    const committed = (key: string) => application.commitments.filter((c) => c.indicatorKey === key).reduce((t, c) => t + c.amount, 0);
    const indicators: DocBlock = {
      kind: 'table',
      headers: ['维度', '指标', '单位', '项目要求', ...(form.indicatorCommitments ? ['本单位承诺'] : [])],
      rows: program.indicators.map((indicator) => [
        dimensionLabels[indicator.dimension],
        indicator.name,
        indicator.unit,
        figure(indicator.target),
        ...(form.indicatorCommitments ? [figure(committed(indicator.key) || null)] : []),
      ]),
    };
    parts.splice(Math.min(1, parts.length), 0, { title: '关键指标', blocks: [indicators] });
  }
  const budgetTotal = application.budget.reduce((total, line) => total + line.amountFen, 0);
  parts.push({
    title: '项目经费预算',
    blocks: [
      { kind: 'paragraph', text: `项目经费总预算 ${formatFen(budgetTotal)} 元` },
      {
        kind: 'table',
        headers: ['序号', '支出内容明细', '金额（元）', '测算依据'],
        rows: [
          ...application.budget.map((line, index) => [String(index + 1), line.item, formatFen(line.amountFen), line.basis]),
          ['合计', '', formatFen(budgetTotal), ''],
        ],
      },
    ],
  });
  if (form.schedule) {
    parts.push({
      title: '进度安排',
      blocks: [
        {
          kind: 'table',
          headers: ['实施阶段', '起止日期', '工作内容', '责任人'],
          rows: application.schedule.map((row) => [row.phase, formatDaySpan(row.startsOn, row.endsOn), row.work, row.owner]),
        },
      ],
    });
  }
  if (form.team) {
    parts.push({
      title: '项目成员组成及分工',
      blocks: [
        {
          kind: 'table',
          headers: ['序号', '姓名', '年龄', '职务职称', '工作单位', '承担的工作任务'],
          rows: application.team.map((member, index) => [
            String(index + 1),
            member.name,
            figure(member.age),
            member.title,
            member.employer,
            member.task,
          ]),
        },
      ],
    });
  }
  const head: DocBlock[] = [
    { kind: 'title', text: program.name },
    { kind: 'title', text: '申报书' },
    {
      kind: 'table',
      headers: ['申报单位', '项目名称', '申报类别'],
      rows: [[unitName, application.projectName, [category?.name ?? application.categoryKey, subtype?.name].filter(Boolean).join('·')]],
    },
  ];
  const declaration: DocBlock[] = form.commitment
    ? [
        { kind: 'heading', text: '申报单位意见' },
        { kind: 'paragraph', text: form.commitment.text },
        { kind: 'paragraph', text: `签名：${application.declaration?.signerName ?? '（未签名）'}`, align: 'right' },
      ]
    : [];
  return [
    ...head,
    ...parts.flatMap((part, index): DocBlock[] => [{ kind: 'heading', text: numbered(index, part.title) }, ...part.blocks]),
    ...declaration,
  ];
}

/** The 公示 notice as published: who issues it, its dates, the list, and how to object. */
export function publicityDocument(program: Pick<Program, 'name'>, publicity: Publicity, issuer: string): DocBlock[] {
  const kind = noticeKinds[kindOf(publicity)];
  const totalFen = publicity.entries.reduce((total, entry) => total + entry.awardFen, 0);
  return [
    { kind: 'title', text: publicity.title },
    {
      kind: 'paragraph',
      text: `根据《${program.name}》有关规定，现将${kind.listed}名单予以公示。公示期为${formatDaySpan(publicity.opensOn, publicity.closesOn)}（${publicity.workingDays}个工作日）。`,
    },
    { kind: 'heading', text: kind.entriesTitle },
    {
      kind: 'table',
      headers: ['序号', '申报单位', '项目名称', '类别', '奖补金额（元）'],
      rows: [
        ...publicity.entries.map((entry, index) => [
          String(index + 1),
          entry.orgName,
          entry.projectName,
          entry.categoryName,
          formatFen(entry.awardFen),
        ]),
        ['合计', `${publicity.entries.length} 项`, '', '', formatFen(totalFen)],
      ],
    },
    { kind: 'heading', text: '异议方式' },
    {
      kind: 'paragraph',
      text: `公示期内，任何单位和个人对公示名单有异议的，可通过“学会奖补通”小程序的公示页面实名提出异议，或与${issuer}联系。联系方式：${publicity.contact || '（未填写）'}。`,
    },
    { kind: 'paragraph', text: '以个人名义提出异议的，须写明本人真实姓名和联系方式；以单位名义提出的，须写明联系人和联系方式。' },
    { kind: 'paragraph', text: issuer, align: 'right' },
    { kind: 'paragraph', text: formatCalendarDay(publicity.opensOn), align: 'right' },
  ];
}

export interface AwardNoticeEntry {
  unit: string;
  project: string;
  category: string;
  awardFen: number;
}

/** The awards a 立项通知 lists: those the board counts (granted, not failed), in the ledger's order. */
export function awardNoticeEntries(
  program: Pick<Program, 'categories'>,
  applications: readonly Application[],
  unitNames: ReadonlyMap<string, string>,
): AwardNoticeEntry[] {
  return ledgerOrder(applications.filter(countsTowardTargets)).map((application) => ({
    unit: unitNames.get(application.orgId) ?? '',
    project: application.projectName,
    category: categoryByKey(program, application.categoryKey)?.name ?? application.categoryKey,
    awardFen: application.awardFen ?? 0,
  }));
}

/** A 立项通知 of these awards (awardNoticeEntries picks and orders them). */
export function awardNoticeDocument(
  program: Pick<Program, 'name'>,
  awards: readonly AwardNoticeEntry[],
  issuer: string,
  day: string,
): DocBlock[] {
  const totalFen = awards.reduce((total, award) => total + award.awardFen, 0);
  return [
    { kind: 'title', text: `关于${program.name}立项的通知` },
    { kind: 'paragraph', text: '各有关单位：' },
    {
      kind: 'paragraph',
      text: `经申报、形式审查、专家评审和公示，${program.name}共批准立项 ${awards.length} 项，奖补经费合计 ${formatFen(totalFen)} 元。现将立项名单予以公布，请各项目承担单位按照申报书和项目要求认真组织实施，按期报送有关材料。`,
    },
    { kind: 'heading', text: '立项项目名单' },
    {
      kind: 'table',
      headers: ['序号', '承担单位', '项目名称', '类别', '奖补金额（元）'],
      rows: [
        ...awards.map((award, index) => [String(index + 1), award.unit, award.project, award.category, formatFen(award.awardFen)]),
        ['合计', `${awards.length} 项`, '', '', formatFen(totalFen)],
      ],
    },
    { kind: 'paragraph', text: issuer, align: 'right' },
    { kind: 'paragraph', text: formatCalendarDay(day), align: 'right' },
  ];
}

export const SELF_ASSESSMENT_HEADERS = ['维度', '指标', '单位', '目标值', '省级最低要求', '已完成（核实）', '佐证材料（份）'] as const;

/**
 * The society's 绩效自评 for the province: the board's rows, one per indicator of the programme, with its goal (the
 * society's own commitment in the provincial call where linked, else the programme's target), the provincial
 * minimum, what counts as achieved (verified claims, or the value recorded for the society) and the evidence files
 * behind the verified claims.
 */
export function selfAssessmentDocument(
  program: Pick<Program, 'name'>,
  rows: readonly IndicatorRow[],
  issuer: string,
  day: string,
): DocBlock[] {
  const counted = rows.filter((row) => row.source === 'claims');
  const reached = counted.filter((row) => row.gap === 0).length;
  return [
    { kind: 'title', text: `${program.name}绩效自评报告` },
    { kind: 'paragraph', text: `填报单位：${issuer}` },
    { kind: 'heading', text: '一、绩效指标完成情况' },
    {
      kind: 'table',
      headers: [...SELF_ASSESSMENT_HEADERS],
      rows: rows.map((row) => [
        dimensionLabels[row.dimension],
        row.name,
        row.unit,
        figure(row.goal),
        figure(row.provinceMinimum),
        figure(row.achieved),
        figure(row.evidence),
      ]),
    },
    {
      kind: 'paragraph',
      text: `按奖补项目核实的认领统计，${counted.length} 项计数类指标中已有 ${reached} 项达到目标值；排名、比例、是否类指标按学会填报的最新数值列示。`,
    },
    { kind: 'heading', text: '二、自评说明' },
    { kind: 'paragraph', text: '（请补充项目实施情况、主要成效、存在问题及改进措施。）' },
    { kind: 'paragraph', text: issuer, align: 'right' },
    { kind: 'paragraph', text: formatCalendarDay(day), align: 'right' },
  ];
}
