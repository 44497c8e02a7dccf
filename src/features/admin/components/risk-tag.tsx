import { Tag } from '@nutui/nutui-react-taro';
import type { DashboardView } from '@/core/schemas/actions';

type Risk = DashboardView['rows'][number]['risk'];

/** The risk flag: red only once the period is over and the goal missed; orange where it needs attention. */
export function RiskTag({ risk }: { risk: Risk }) {
  if (!risk) return null;
  const labels: Record<NonNullable<Risk>, string> = {
    commitmentShort: '承诺不足',
    behind: '进度落后',
    missed: '未达标',
    unrecorded: '未填报',
  };
  return <Tag type={risk === 'missed' ? 'danger' : 'warning'}>{labels[risk]}</Tag>;
}
