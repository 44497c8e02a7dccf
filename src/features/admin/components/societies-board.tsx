// The provincial programme's board: each funded society side by side under every indicator — its own commitment,
// what it has achieved (verified claims or its recorded value), what waits for verification, and any risk — and the
// list of those societies above the board.
import { Text, View } from '@tarojs/components';
import type { DashboardView } from '@/core/schemas/actions';
import { formatAchieved, formatGoal } from '../indicator-progress';
import { formatIndicatorValue } from './indicator-value';
import type { IndicatorRow } from './indicator-board';
import { RiskTag } from './risk-tag';
import { Section } from '@/components/section';

type Societies = DashboardView['societies'];

export function SocietiesTable({ row, societies }: { row: IndicatorRow; societies: Societies }) {
  return (
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
              {!figure || figure.achieved === null ? '—' : formatAchieved(row.kind, row.unit, figure.achieved)}
            </Text>
            <Text className="admin-societies__cell">
              {figure?.pending ? formatIndicatorValue(row.kind, row.unit, figure.pending) : '—'}
            </Text>
          </View>
        );
      })}
    </View>
  );
}

export function SocietiesList({ societies }: { societies: Societies }) {
  if (societies.length === 0) return null;
  return (
    <Section title="各学会完成情况" extra={`${societies.length} 个学会`}>
      {societies.map((society) => (
        <View className="admin-list__row" key={society.applicationId}>
          <View className="admin-list__main">
            <Text className="admin-list__name">{society.orgName}</Text>
            <Text className="admin-list__sub">{society.projectName}</Text>
          </View>
        </View>
      ))}
      <Text className="admin-form__note">每项指标下列出各学会的承诺目标、已达成（已核实数量或学会填报的数值）和待核实数量。</Text>
    </Section>
  );
}
