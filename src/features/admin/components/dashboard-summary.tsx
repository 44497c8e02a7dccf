import { Text, View } from '@tarojs/components';
import { formatYuan } from '@/core/money';
import type { DashboardView } from '@/core/schemas/actions';
import { statusTable } from '@/core/workflow/award-workflow';

function Meter({ value, of }: { value: number; of: number }) {
  const percent = of > 0 ? Math.min(100, Math.round((value / of) * 100)) : 0;
  return (
    <View className="admin-meter">
      <View className="admin-meter__fill" style={{ width: `${percent}%` }} />
    </View>
  );
}

const countedStatuses = ['submitted', 'returned', 'approved', 'draft'] as const;
const countLabels: Partial<Record<(typeof countedStatuses)[number], string>> = { draft: '填写中' };

export function DashboardSummary({ dashboard }: { dashboard: DashboardView }) {
  const { program, counts, approvedFen } = dashboard;
  return (
    <View className="admin-summary">
      <Text className="admin-summary__program">{program.name}</Text>
      <View className="admin-counts">
        {countedStatuses.map((status) => (
          <View className="admin-counts__cell" key={status}>
            <Text className={`admin-counts__number admin-counts__number--${status}`}>{counts[status] ?? 0}</Text>
            <Text className="admin-counts__label">{countLabels[status] ?? statusTable[status].staffLabel}</Text>
          </View>
        ))}
      </View>
      <View className="admin-gauge">
        <View className="admin-gauge__line">
          <Text>已立项</Text>
          <Text className="admin-gauge__value">
            {counts.approved ?? 0} / 名额 {program.quota}
          </Text>
        </View>
        <Meter value={counts.approved ?? 0} of={program.quota} />
      </View>
      <View className="admin-gauge">
        <View className="admin-gauge__line">
          <Text>已安排奖补</Text>
          <Text className="admin-gauge__value">
            {formatYuan(approvedFen)} / 资金池 {formatYuan(program.poolFen)}
          </Text>
        </View>
        <Meter value={approvedFen} of={program.poolFen} />
      </View>
    </View>
  );
}
