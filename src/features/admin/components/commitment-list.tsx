import { Text, View } from '@tarojs/components';
import type { Program } from '@/core/program/program-schema';
import { dimensionLabels, indicatorByKey } from '@/core/program/program-rules';
import type { Commitment } from '@/core/schemas/documents';
import { IndicatorNote } from '@/components/program-info';
import { formatIndicatorValue } from './indicator-value';

export function CommitmentList({ commitments, program }: { commitments: readonly Commitment[]; program: Pick<Program, 'indicators'> }) {
  if (commitments.length === 0) return <Text className="admin-muted">未承诺指标</Text>;
  return (
    <View className="admin-list">
      {commitments.map((commitment) => {
        const indicator = indicatorByKey(program, commitment.indicatorKey);
        return (
          <View className="admin-list__row" key={commitment.indicatorKey}>
            <View className="admin-list__main">
              <Text className="admin-list__name">{indicator?.name ?? commitment.indicatorKey}</Text>
              {indicator ? <Text className="admin-list__sub">{dimensionLabels[indicator.dimension]}</Text> : null}
              <IndicatorNote indicator={indicator} />
            </View>
            <Text className="admin-list__value">
              {formatIndicatorValue(indicator?.kind ?? 'count', indicator?.unit ?? '', commitment.amount)}
            </Text>
          </View>
        );
      })}
    </View>
  );
}
