import { ScrollView, Text, View } from '@tarojs/components';
import { stageLabels } from '@/core/workflow/award-workflow';
import type { StageCount } from '../hooks/use-admin-queue';
import { queueStages, type QueueStage } from '../staff-actions';

interface StageTabsProps {
  value: QueueStage;
  /** The stages whose figures are known (the one loaded). */
  counts: Partial<Record<QueueStage, StageCount>> | null;
  onChange: (stage: QueueStage) => void;
}

/** The secretariat's stages; the badge counts what waits for the secretariat there. */
export function StageTabs({ value, counts, onChange }: StageTabsProps) {
  return (
    <ScrollView scrollX className="admin-stages" enhanced showScrollbar={false}>
      <View className="admin-stages__track" role="tablist">
        {queueStages.map((stage) => {
          const count = counts?.[stage];
          return (
            <View
              key={stage}
              role="tab"
              aria-selected={stage === value}
              className={`admin-stages__item${stage === value ? ' admin-stages__item--active' : ''}`}
              onClick={() => onChange(stage)}
            >
              <Text>{stageLabels[stage]}</Text>
              {count ? (
                <Text className={`admin-stages__count${count.waiting ? ' admin-stages__count--waiting' : ''}`}>
                  {count.waiting ? count.waiting : count.total}
                  {count.more && (count.waiting || !count.totalKnown) ? '+' : ''}
                </Text>
              ) : null}
            </View>
          );
        })}
      </View>
    </ScrollView>
  );
}
