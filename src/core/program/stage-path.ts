// What a programme's applicants and staff are shown of how it runs: its stages in order (built from the stages the
// programme lists, so the path shown is the path the workflow table guards), and its phases as dated steps.
import { formatShanghaiDate } from '../calendar/shanghai';
import type { Category, Phase, Stages } from './program-schema';
import { failureText } from './program-rules';

export interface StageStep {
  key:
    | 'application'
    | 'check'
    | 'review'
    | 'shortlistNotice'
    | 'approval'
    | 'agreement'
    | 'advance'
    | 'midterm'
    | 'acceptance'
    | 'rectification'
    | 'resultNotice'
    | 'payout';
  label: string;
  /** A parameter or condition of the step, e.g. 5个工作日, 验收不合格时; null: none. */
  detail: string | null;
}

/** What is left of a name without the shared ending must still name it (一流科技社团, not 甲). */
const SHORT_NAME_MIN = 4;

/** The longest ending all names share (e.g. 培育示范项目), so a list of them names only what differs. */
function commonSuffix(names: readonly string[]): string {
  if (names.length < 2) return '';
  let suffix = names[0];
  for (const name of names.slice(1)) {
    while (suffix && !name.endsWith(suffix)) suffix = suffix.slice(1);
  }
  return names.some((name) => name.length - suffix.length < SHORT_NAME_MIN) ? '' : suffix;
}

/** The short names of some of the programme's categories: the ending every category shares is left off. */
export function shortCategoryNames(categories: readonly Pick<Category, 'key' | 'name'>[], keys: readonly string[]): string[] {
  const suffix = commonSuffix(categories.map((category) => category.name));
  return keys.map((key) => {
    const name = categories.find((category) => category.key === key)?.name ?? key;
    return suffix ? name.slice(0, name.length - suffix.length) : name;
  });
}

/**
 * The programme's stages in the order an application goes through them: 申报 → 形式审查 → [专家评审] → [立项公示] →
 * 立项 → [签订协议] → [经费拨付] → [中期检查] → 结项验收 → [限期整改] → [考核结果公示] → [奖补发放]; a bracketed step
 * appears only when the programme's stages have it.
 */
export function stagePath(program: { stages: Stages; categories: readonly Pick<Category, 'key' | 'name'>[] }): StageStep[] {
  const { stages } = program;
  const steps: (StageStep | null)[] = [
    { key: 'application', label: '申报', detail: null },
    { key: 'check', label: '形式审查', detail: null },
    stages.expertReview ? { key: 'review', label: '专家评审', detail: null } : null,
    stages.shortlistNotice ? { key: 'shortlistNotice', label: '立项公示', detail: `${stages.shortlistNotice.workingDays}个工作日` } : null,
    { key: 'approval', label: '立项', detail: null },
    stages.agreement ? { key: 'agreement', label: '签订协议', detail: null } : null,
    stages.advancePercent > 0
      ? {
          key: 'advance',
          label: '经费拨付',
          detail: stages.advancePercent < 100 ? `立项后拨付${stages.advancePercent}%` : '立项后全额拨付',
        }
      : null,
    stages.midterm
      ? {
          key: 'midterm',
          label:
            stages.midterm.categories.length > 0
              ? `中期检查（${shortCategoryNames(program.categories, stages.midterm.categories).join('、')}）`
              : '中期检查',
          detail: null,
        }
      : null,
    { key: 'acceptance', label: '结项验收', detail: null },
    stages.rectification ? { key: 'rectification', label: `限期整改${stages.rectification.months}个月`, detail: '验收不合格时' } : null,
    stages.resultNotice ? { key: 'resultNotice', label: '考核结果公示', detail: `${stages.resultNotice.workingDays}个工作日` } : null,
    stages.advancePercent < 100
      ? { key: 'payout', label: '奖补发放', detail: stages.advancePercent > 0 ? `验收后拨付余下${100 - stages.advancePercent}%` : null }
      : null,
  ];
  return steps.filter((step): step is StageStep => step !== null);
}

/** The path on one line: "申报 → 形式审查 → …". */
export function stagePathText(steps: readonly Pick<StageStep, 'label'>[]): string {
  return steps.map((step) => step.label).join(' → ');
}

/** When a phase runs, in Chinese dates: "2023年6月15日至2023年6月26日", "截至2023年12月31日", "2024年1月1日起", "时间另行通知". */
export function phaseDates(phase: Pick<Phase, 'startsAt' | 'endsAt'>): string {
  const starts = phase.startsAt ? formatShanghaiDate(phase.startsAt) : null;
  const ends = phase.endsAt ? formatShanghaiDate(phase.endsAt) : null;
  if (starts && ends) return starts === ends ? starts : `${starts}至${ends}`;
  if (ends) return `截至${ends}`;
  if (starts) return `${starts}起`;
  return '时间另行通知';
}

/** What failing the assessment means for an award, as the applicant reads it before applying. */
export function failureMeaning(stages: Pick<Stages, 'rectification' | 'failure'>): string {
  const result = failureText(stages.failure);
  return stages.rectification
    ? `结项验收不合格的，限期整改${stages.rectification.months}个月；逾期未整改或整改后仍不合格的，${result}。`
    : `考核不合格的，${result}。`;
}
