// One card per indicator, grouped by dimension: target, provincial minimum, committed and claimed side by side.
import { Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import { dimensionLabels, dimensions } from '@/core/program/program-schema';
import type { DashboardView } from '@/core/schemas/actions';
import { formatGap, formatIndicatorValue } from './indicator-value';

type IndicatorRow = DashboardView['rows'][number];

function IndicatorCard({ row }: { row: IndicatorRow }) {
  const cells: [string, number | null][] = [
    ['目标', row.target],
    ['省级底线', row.provinceMinimum],
    ['已承诺', row.committed],
    ['已填报', row.claimed],
    ['已核实', row.verified],
    ['差距', row.gap],
  ];
  return (
    <View className="admin-indicator">
      <View className="admin-indicator__head">
        <Text className="admin-indicator__name">{row.name}</Text>
        {row.gap === 0 ? <Tag type="success">已达标</Tag> : null}
        {row.committedCoversTarget === false ? <Tag type="warning">承诺不足</Tag> : null}
      </View>
      <View className="admin-indicator__grid">
        {cells.map(([label, value]) => (
          <View className="admin-indicator__cell" key={label}>
            <Text className="admin-indicator__label">{label}</Text>
            <Text className={`admin-indicator__value${label === '差距' && value ? ' admin-indicator__value--gap' : ''}`}>
              {label === '差距' ? formatGap(row.kind, row.unit, value) : formatIndicatorValue(row.kind, row.unit, value)}
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}

export function IndicatorBoard({ rows }: { rows: DashboardView['rows'] }) {
  const groups = dimensions
    .map((dimension) => ({ dimension, rows: rows.filter((row) => row.dimension === dimension) }))
    .filter((group) => group.rows.length > 0);
  const short = rows.filter((row) => row.committedCoversTarget === false).length;
  return (
    <View>
      <View className="admin-queue__hint">
        <Text>{short > 0 ? `${short} 项指标的已立项承诺尚未达到目标` : '已立项承诺已覆盖全部可汇总指标'}</Text>
      </View>
      {groups.map((group) => (
        <View className="admin-section" key={group.dimension}>
          <View className="admin-section__head">
            <Text className="admin-section__title">{dimensionLabels[group.dimension]}</Text>
            <Text className="admin-section__extra">{group.rows.length} 项</Text>
          </View>
          {group.rows.map((row) => (
            <IndicatorCard key={row.key} row={row} />
          ))}
        </View>
      ))}
      <Text className="admin-footnote">
        “—”表示该指标（排名、比例、是否类）由学会整体统计，不按奖补项目汇总；已承诺、已填报只计已立项的申报；只有秘书处核实的填报计入“已核实”，差距
        = 目标 − 已核实（不足时）。
      </Text>
    </View>
  );
}
