// The provincial programme's board: each funded society side by side per indicator — its own commitment, what it
// has achieved (verified claims or its recorded value), what waits for verification, and any risk.
import { Text, View } from '@tarojs/components';
import { dimensionLabels, dimensions } from '@/core/program/program-schema';
import type { DashboardView } from '@/core/schemas/actions';
import { formatAchieved, formatGoal } from '../indicator-progress';
import { formatIndicatorValue } from './indicator-value';
import { RiskTag } from './indicator-board';
import { Section } from './section';

export function SocietiesBoard({ dashboard }: { dashboard: DashboardView }) {
  const { societies, rows } = dashboard;
  if (societies.length === 0) return null;
  return (
    <View className="admin-societies">
      <Section title="各学会完成情况" extra={`${societies.length} 个学会`}>
        {societies.map((society) => (
          <View className="admin-list__row" key={society.applicationId}>
            <View className="admin-list__main">
              <Text className="admin-list__name">{society.orgName}</Text>
              <Text className="admin-list__sub">{society.projectName}</Text>
            </View>
          </View>
        ))}
      </Section>
      {dimensions.map((dimension) => {
        const group = rows.filter((row) => row.dimension === dimension);
        if (group.length === 0) return null;
        return (
          <Section key={dimension} title={`${dimensionLabels[dimension]}：各学会`}>
            {group.map((row) => (
              <View className="admin-societies__indicator" key={row.key}>
                <Text className="admin-indicator__name">{row.name}</Text>
                <Text className="admin-indicator__sub">省级底线 {formatGoal(row.kind, row.unit, row.target)}</Text>
                <View className="admin-societies__table">
                  <View className="admin-societies__row admin-societies__row--head">
                    <Text className="admin-societies__org">学会</Text>
                    <Text className="admin-societies__cell">承诺</Text>
                    <Text className="admin-societies__cell">已达成</Text>
                    <Text className="admin-societies__cell">待核实</Text>
                  </View>
                  {societies.map((society) => {
                    const figure = society.figures[row.key];
                    return (
                      <View className="admin-societies__row" key={society.applicationId}>
                        <View className="admin-societies__org">
                          <Text>{society.orgName}</Text>
                          <RiskTag risk={figure?.risk ?? null} />
                        </View>
                        <Text className="admin-societies__cell">{formatGoal(row.kind, row.unit, figure?.commitment ?? null)}</Text>
                        <Text className="admin-societies__cell admin-societies__cell--strong">
                          {figure?.achieved === null || !figure ? '—' : formatAchieved(row.kind, row.unit, figure.achieved)}
                        </Text>
                        <Text className="admin-societies__cell">
                          {figure?.pending ? formatIndicatorValue(row.kind, row.unit, figure.pending) : '—'}
                        </Text>
                      </View>
                    );
                  })}
                </View>
              </View>
            ))}
          </Section>
        );
      })}
    </View>
  );
}
