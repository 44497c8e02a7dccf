// A programme's stages in the order it runs them, in words: what the preview shows an applicant will go through.
import { formatShanghaiDateTime } from '../calendar/shanghai';
import type { ProgramConfig } from './program-schema';
import { failureText } from './program-rules';

export interface TimelineStep {
  name: string;
  /** The step's parameters in words (its length, date, share or categories); empty when it has none. */
  detail: string;
}

function categoryNames(program: Pick<ProgramConfig, 'categories'>, keys: readonly string[]): string {
  if (keys.length === 0) return '全部类别';
  return keys.map((key) => `“${program.categories.find((category) => category.key === key)?.name ?? key}”`).join('、');
}

/** The steps from the call to the last payment, each stage present only where the programme runs it. */
export function stageTimeline(
  program: Pick<ProgramConfig, 'stages' | 'categories' | 'opensAt' | 'deadline' | 'implementationEndsAt' | 'finalReportDueAt'>,
): TimelineStep[] {
  const { stages } = program;
  const steps: (TimelineStep | null)[] = [
    { name: '申报', detail: `${formatShanghaiDateTime(program.opensAt)} 至 ${formatShanghaiDateTime(program.deadline)}` },
    { name: '形式审查', detail: '' },
    stages.expertReview ? { name: '专家评审', detail: '' } : null,
    { name: '拟立项', detail: '' },
    stages.shortlistNotice ? { name: '拟立项公示', detail: `${stages.shortlistNotice.workingDays} 个工作日` } : null,
    { name: '立项', detail: '' },
    stages.agreement ? { name: '签订项目实施协议', detail: '' } : null,
    stages.advancePercent > 0 ? { name: '立项后拨付', detail: `奖补金额的 ${stages.advancePercent}%` } : null,
    stages.midterm
      ? {
          name: '中期检查',
          detail: [
            categoryNames(program, stages.midterm.categories),
            stages.midterm.dueAt ? `${formatShanghaiDateTime(stages.midterm.dueAt)} 前提交` : '',
          ]
            .filter(Boolean)
            .join('，'),
        }
      : null,
    { name: '实施结束', detail: formatShanghaiDateTime(program.implementationEndsAt) },
    { name: '结项报告与考核', detail: `${formatShanghaiDateTime(program.finalReportDueAt)} 前提交` },
    stages.rectification ? { name: '限期整改', detail: `未通过的可整改 ${stages.rectification.months} 个月` } : null,
    stages.resultNotice ? { name: '考核结果公示', detail: `${stages.resultNotice.workingDays} 个工作日` } : null,
    {
      name: stages.advancePercent >= 100 ? '结项' : '拨付奖补资金',
      detail: stages.advancePercent > 0 && stages.advancePercent < 100 ? `其余 ${100 - stages.advancePercent}%` : '',
    },
    { name: '考核未通过', detail: failureText(stages.failure) },
  ];
  return steps.filter((step): step is TimelineStep => step !== null);
}
