// The programme settings form: what the secretariat types (yuan, Shanghai wall-clock times, plain numbers)
// and the programEditSchema edit sent to the server (fen, ISO instants, integers).
import { inShanghai } from '@/core/calendar/shanghai';
import { formatFen, parseYuan } from '@/core/money';
import {
  applicantScopeIssue,
  guaranteedFen,
  publicityFloorIssue,
  upstreamFloorIssue,
  type Indicator,
  type Stages,
} from '@/core/program/program-schema';
import { programEditSchema, type ProgramEdit, type ProgramView } from '@/core/schemas/actions';
import { orgKinds, type OrgKind } from '@/core/schemas/common';

const TIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2})$/;

/** A time as typed: "2023-12-31 23:59"; the original instant is kept when the text is unchanged (its seconds). */
export interface TimeField {
  text: string;
  original: string | null;
}

export interface CategoryDraft {
  key: string;
  name: string;
  quotaMin: string;
  quotaMax: string;
  amountYuan: string;
  deadline: TimeField;
  applicantKinds: OrgKind[];
}

export interface ProgramDraft {
  name: string;
  summary: string;
  opensAt: TimeField;
  deadline: TimeField;
  implementationEndsAt: TimeField;
  finalReportDueAt: TimeField;
  /** Empty: the programme sets no date for the mid-term report. */
  midtermReportDueAt: TimeField;
  poolYuan: string;
  /** The stages as stored; the fields below edit their parameters. */
  stages: Stages;
  /** The shortlist notice's working days (empty where the programme has no such notice). */
  publicityWorkingDays: string;
  /** Which of the organiser's members may see and apply, and how the notice names them. */
  applicantKinds: OrgKind[];
  applicantLabel: string;
  categories: CategoryDraft[];
  targets: ({ key: string; name: string; unit: string; target: string } & Pick<Indicator, 'kind' | 'upstream'>)[];
  projectNameMaxChars: string;
  sections: { key: string; title: string; maxChars: string }[];
  budgetMaxLines: string;
}

function timeField(iso: string | null): TimeField {
  return { text: iso ? inShanghai(iso).format('YYYY-MM-DD HH:mm') : '', original: iso };
}

function yuanText(fen: number): string {
  return formatFen(fen).replace(/,/g, '').replace(/\.00$/, '');
}

export function draftOf(program: ProgramView): ProgramDraft {
  return {
    name: program.name,
    summary: program.summary,
    opensAt: timeField(program.opensAt),
    deadline: timeField(program.deadline),
    implementationEndsAt: timeField(program.implementationEndsAt),
    finalReportDueAt: timeField(program.finalReportDueAt),
    midtermReportDueAt: timeField(program.stages.midterm?.dueAt ?? null),
    poolYuan: yuanText(program.poolFen),
    stages: program.stages,
    publicityWorkingDays: program.stages.shortlistNotice ? String(program.stages.shortlistNotice.workingDays) : '',
    applicantKinds: [...program.applicants.memberKinds],
    applicantLabel: program.applicants.label,
    categories: program.categories.map((category) => ({
      key: category.key,
      name: category.name,
      quotaMin: String(category.quotaMin),
      quotaMax: category.quotaMax === null ? '' : String(category.quotaMax),
      amountYuan: yuanText(category.awardAmountFen),
      deadline: timeField(category.deadline),
      applicantKinds: [...category.applicantKinds],
    })),
    targets: program.indicators.map((indicator) => ({
      key: indicator.key,
      name: indicator.name,
      unit: indicator.kind === 'percent' ? '%' : indicator.kind === 'yesno' ? '1=是' : indicator.unit,
      target: String(indicator.target),
      kind: indicator.kind,
      upstream: indicator.upstream,
    })),
    projectNameMaxChars: String(program.form.projectNameMaxChars),
    sections: program.form.sections.map((section) => ({ key: section.key, title: section.title, maxChars: String(section.maxChars) })),
    budgetMaxLines: String(program.form.budget.maxLines),
  };
}

class DraftIssue extends Error {}

/** The kind ticked or unticked; kept in the one order the labels are listed in. */
export function toggledKind(kinds: readonly OrgKind[], kind: OrgKind): OrgKind[] {
  return orgKinds.filter((candidate) => (candidate === kind ? !kinds.includes(kind) : kinds.includes(candidate)));
}

function instant(field: TimeField, label: string): string {
  const original = field.original;
  if (original && field.text === timeField(original).text) return original;
  const match = TIME.exec(field.text.trim());
  if (!match) throw new DraftIssue(`${label}格式应为 YYYY-MM-DD HH:mm`);
  const iso = `${match[1]}T${match[2]}:${match[3]}:00+08:00`;
  if (Number.isNaN(new Date(iso).getTime())) throw new DraftIssue(`${label}不是有效的时间`);
  return iso;
}

function integer(text: string, label: string): number {
  const value = Number(text.trim());
  if (!text.trim() || !Number.isInteger(value) || value < 0) throw new DraftIssue(`${label}应为不小于 0 的整数`);
  return value;
}

/** The same floor the server's programme schema keeps, with its message. */
function noShorterNotice(days: number, minimum: number): number {
  const short = publicityFloorIssue({ workingDays: days, minWorkingDays: minimum });
  if (short) throw new DraftIssue(short);
  return days;
}

/** The stages with the notice's days and the mid-term date as edited. */
function stagesOf(draft: ProgramDraft): Stages {
  const { stages } = draft;
  const notice = stages.shortlistNotice;
  return {
    ...stages,
    shortlistNotice: notice
      ? { ...notice, workingDays: noShorterNotice(integer(draft.publicityWorkingDays, '公示工作日数'), notice.minWorkingDays) }
      : null,
    midterm: stages.midterm
      ? {
          ...stages.midterm,
          dueAt: draft.midtermReportDueAt.text.trim() ? instant(draft.midtermReportDueAt, '中期报告截止时间') : null,
        }
      : null,
  };
}

function fenOf(text: string, label: string): number {
  const fen = parseYuan(text);
  if (fen === null || fen <= 0) throw new DraftIssue(`${label}应为大于 0 的金额（元）`);
  return fen;
}

/** The edit to send, or the first thing to fix, in Chinese. */
export function editOf(draft: ProgramDraft): { edit: ProgramEdit } | { issue: string } {
  try {
    const edit: ProgramEdit = {
      name: draft.name.trim(),
      summary: draft.summary.trim(),
      opensAt: instant(draft.opensAt, '申报开始时间'),
      deadline: instant(draft.deadline, '申报截止时间'),
      implementationEndsAt: instant(draft.implementationEndsAt, '实施结束时间'),
      finalReportDueAt: instant(draft.finalReportDueAt, '结项报告截止时间'),
      poolFen: fenOf(draft.poolYuan, '资金池'),
      stages: stagesOf(draft),
      applicants: { memberKinds: draft.applicantKinds, label: draft.applicantLabel.trim() },
      categories: draft.categories.map((category) => ({
        key: category.key,
        quotaMin: integer(category.quotaMin, `“${category.name}”名额下限`),
        quotaMax: category.quotaMax.trim() ? integer(category.quotaMax, `“${category.name}”名额上限`) : null,
        awardAmountFen: fenOf(category.amountYuan, `“${category.name}”单项金额`),
        deadline: category.deadline.text.trim() ? instant(category.deadline, `“${category.name}”截止时间`) : null,
        applicantKinds: category.applicantKinds,
      })),
      indicatorTargets: draft.targets.map((target) => {
        const value = Number(target.target.trim());
        if (!target.target.trim() || !Number.isFinite(value) || value < 0) throw new DraftIssue(`“${target.name}”目标值应为不小于 0 的数`);
        // The same floor the server's programme schema keeps (the message too).
        const short = upstreamFloorIssue({ ...target, target: value });
        if (short) throw new DraftIssue(short);
        return { key: target.key, target: value };
      }),
      form: {
        projectNameMaxChars: integer(draft.projectNameMaxChars, '项目名称字数上限'),
        sectionLimits: draft.sections.map((section) => ({
          key: section.key,
          maxChars: integer(section.maxChars, `“${section.title}”字数上限`),
        })),
        budgetMaxLines: integer(draft.budgetMaxLines, '预算最多行数'),
      },
    };
    for (const category of edit.categories) {
      if (category.quotaMax !== null && category.quotaMin > category.quotaMax) {
        throw new DraftIssue(`“${draft.categories.find((c) => c.key === category.key)?.name}”名额下限不能大于上限`);
      }
    }
    if (new Date(edit.opensAt) >= new Date(edit.deadline)) throw new DraftIssue('申报截止时间须晚于开始时间');
    if (guaranteedFen({ categories: edit.categories }) > edit.poolFen) throw new DraftIssue('各类别名额下限 × 单项金额 超过资金池');
    const parsed = programEditSchema.safeParse(edit);
    if (!parsed.success) return { issue: parsed.error.issues[0]?.message ?? '设置有误' };
    // The server's programme schema asks the same of the whole programme; said here before the tap.
    const scopeIssue = applicantScopeIssue({ memberKinds: draft.applicantKinds }, draft.categories);
    if (scopeIssue) return { issue: scopeIssue };
    return { edit: parsed.data };
  } catch (error) {
    if (error instanceof DraftIssue) return { issue: error.message };
    throw error;
  }
}
