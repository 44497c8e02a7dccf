import { Text, View } from '@tarojs/components';
import { Card } from '@/components/card';
import { formatYuan } from '@/core/money';
import type { DashboardView } from '@/core/schemas/actions';
import { statusTable, type ApplicationStatus } from '@/core/workflow/award-workflow';
import { queueStages, type QueueStage } from '../staff-actions';
import { stageLabels } from '@/core/workflow/award-workflow';

function Meter({ value, of }: { value: number; of: number }) {
  const percent = of > 0 ? Math.min(100, Math.round((value / of) * 100)) : 0;
  return (
    <View className="admin-meter">
      <View className="admin-meter__fill" style={{ width: `${percent}%` }} />
    </View>
  );
}

function countsByStage(counts: DashboardView['counts']): Record<QueueStage, number> {
  const byStage = Object.fromEntries(queueStages.map((stage) => [stage, 0])) as Record<QueueStage, number>;
  for (const [status, count] of Object.entries(counts)) {
    const stage = statusTable[status as ApplicationStatus]?.stage as QueueStage;
    if (stage in byStage) byStage[stage] += count;
  }
  return byStage;
}

export function DashboardSummary({ dashboard, onOpenStage }: { dashboard: DashboardView; onOpenStage: (stage: QueueStage) => void }) {
  const { program, counts, grantedFen, paidFen } = dashboard;
  const byStage = countsByStage(counts);
  const granted = Object.entries(counts)
    .filter(([status]) => statusTable[status as ApplicationStatus]?.granted)
    .reduce((sum, [, count]) => sum + count, 0);
  return (
    <Card>
      <Text className="admin-summary__program">{program.name}</Text>
      <View className="admin-counts admin-counts--six">
        {queueStages.map((stage) => (
          <View className="admin-counts__cell" key={stage} onClick={() => onOpenStage(stage)}>
            <Text className="admin-counts__number">{byStage[stage]}</Text>
            <Text className="admin-counts__label">{stageLabels[stage]}</Text>
          </View>
        ))}
      </View>
      <View className="admin-gauge">
        <View className="admin-gauge__line">
          <Text>已立项</Text>
          <Text className="admin-gauge__value">
            {granted} 项{program.quota !== null ? ` / 名额 ${program.quota}` : ''}
          </Text>
        </View>
        {program.quota !== null ? <Meter value={granted} of={program.quota} /> : null}
      </View>
      <View className="admin-gauge">
        <View className="admin-gauge__line">
          <Text>已立项金额</Text>
          <Text className="admin-gauge__value">
            {formatYuan(grantedFen)} / 资金池 {formatYuan(program.poolFen)}
          </Text>
        </View>
        <Meter value={grantedFen} of={program.poolFen} />
      </View>
      <View className="admin-gauge">
        <View className="admin-gauge__line">
          <Text>已发放</Text>
          <Text className="admin-gauge__value">
            {formatYuan(paidFen)} / 已立项 {formatYuan(grantedFen)}
          </Text>
        </View>
        <Meter value={paidFen} of={grantedFen} />
      </View>
    </Card>
  );
}
