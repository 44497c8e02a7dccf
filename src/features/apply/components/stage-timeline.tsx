// Where an application stands: 申报 → 形式审查 → 专家评审 → 公示 → 实施 → 验收 → 奖补发放.
import { View } from '@tarojs/components';
import type { ApplicationView } from '@/core/schemas/actions';
import { timeline } from '../next-step';

export function StageTimeline({ application }: { application: Pick<ApplicationView, 'stage' | 'status'> }) {
  return (
    <View className="apply-timeline">
      {timeline(application).map((step) => (
        <View key={step.stage} className={`apply-timeline__step apply-timeline__step--${step.state}`}>
          <View className="apply-timeline__dot" />
          <View className="apply-timeline__label">{step.label}</View>
        </View>
      ))}
    </View>
  );
}
