// One card per indicator, grouped by dimension: a bar of what is verified (and, apart, what waits) toward the goal
// with a marker at the provincial minimum, the risk in words, and for society-level indicators the value recorded
// and a way to record one. Tapping a card opens the indicator.
import { Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { dimensionLabels, dimensions } from '@/core/program/program-rules';
import type { DashboardView } from '@/core/schemas/actions';
import { Section } from '@/components/section';
import { chineseDay } from '../dates';
import { boardHeadline, formatGoal, indicatorProgress, progressLine } from '../indicator-progress';
import { formatIndicatorValue } from './indicator-value';
import { RiskTag } from './risk-tag';
import { SocietiesTable } from './societies-board';

export type IndicatorRow = DashboardView['rows'][number];

export function ProgressBar({ row }: { row: IndicatorRow }) {
  const bar = indicatorProgress(row);
  return (
    <View className="admin-progress" ariaLabel={`进度 ${bar.achievedPercent}%`}>
      <View className="admin-progress__track">
        <View
          className={`admin-progress__fill${bar.reached ? ' admin-progress__fill--reached' : ''}`}
          style={{ width: `${bar.achievedPercent}%` }}
        />
        {bar.pendingPercent > 0 ? (
          <View className="admin-progress__pending" style={{ left: `${bar.achievedPercent}%`, width: `${bar.pendingPercent}%` }} />
        ) : null}
      </View>
      {bar.minimumPercent !== null ? <View className="admin-progress__minimum" style={{ left: `${bar.minimumPercent}%` }} /> : null}
      <View className="admin-progress__goal" style={{ left: `${bar.goalPercent}%` }} />
    </View>
  );
}

interface IndicatorCardProps {
  row: IndicatorRow;
  /** On the provincial board: each funded society's figures for this indicator. */
  societies?: DashboardView['societies'];
  /** Whose commitments the awards are: branches' projects, or (on the provincial board) the societies'. */
  awardees?: string;
  onOpen?: () => void;
  onRecord?: () => void;
}

export function IndicatorCard({ row, societies = [], awardees = '各奖补项目', onOpen, onRecord }: IndicatorCardProps) {
  const bar = indicatorProgress(row);
  const count = (value: number) => formatIndicatorValue(row.kind, row.unit, value);
  const goalWords = row.commitment !== null ? '学会承诺' : '目标';
  return (
    <View className="admin-indicator" onClick={onOpen}>
      <View className="admin-indicator__head">
        <Text className="admin-indicator__name">{row.name}</Text>
        {bar.reached ? <Tag type="success">已达标</Tag> : <RiskTag risk={row.risk} />}
      </View>
      <ProgressBar row={row} />
      <View className="admin-indicator__line">
        <Text className="admin-indicator__now">{progressLine(row, chineseDay)}</Text>
        <Text className="admin-indicator__goal">
          {goalWords} {formatGoal(row.kind, row.unit, row.goal)}
          {row.provinceMinimum !== null ? ` · 省级底线 ${formatGoal(row.kind, row.unit, row.provinceMinimum)}` : ''}
        </Text>
      </View>
      {row.source === 'claims' && row.committed !== null ? (
        <Text className="admin-indicator__sub">
          {`${awardees}承诺 ${count(row.committed)} · 已填报 ${count(row.claimed ?? 0)} · 佐证 ${row.evidence} 份`}
        </Text>
      ) : null}
      {row.riskText && !bar.reached ? (
        <Text className={`admin-indicator__risk${bar.tone === 'missed' ? ' admin-indicator__risk--missed' : ''}`}>{row.riskText}</Text>
      ) : null}
      {societies.length > 0 ? <SocietiesTable row={row} societies={societies} /> : null}
      {row.source === 'society' && onRecord ? (
        <View className="admin-indicator__actions">
          <Button
            size="small"
            fill="outline"
            type="primary"
            onClick={(event) => {
              event.stopPropagation();
              onRecord();
            }}
          >
            填报数值
          </Button>
        </View>
      ) : null}
    </View>
  );
}

interface IndicatorBoardProps {
  rows: DashboardView['rows'];
  societies: DashboardView['societies'];
  /**
   * The provincial call, where each society commits its own targets: figures come from the societies, who record
   * their own society-level values on their boards, so there is nothing to record here.
   */
  provincial: boolean;
  onOpen: (indicatorKey: string) => void;
  onRecord: (indicatorKey: string) => void;
}

export function IndicatorBoard({ rows, societies, provincial, onOpen, onRecord }: IndicatorBoardProps) {
  const groups = dimensions
    .map((dimension) => ({ dimension, rows: rows.filter((row) => row.dimension === dimension) }))
    .filter((group) => group.rows.length > 0);
  return (
    <View>
      <View className="admin-queue__hint">
        <Text>{boardHeadline(rows, rows[0]?.daysLeft ?? 0)}</Text>
      </View>
      {groups.map((group) => (
        <Section key={group.dimension} title={dimensionLabels[group.dimension]} extra={`${group.rows.length} 项`}>
          {group.rows.map((row) => (
            <IndicatorCard
              key={row.key}
              row={row}
              societies={societies}
              awardees={provincial ? '各学会' : undefined}
              onOpen={() => onOpen(row.key)}
              onRecord={provincial ? undefined : () => onRecord(row.key)}
            />
          ))}
        </Section>
      ))}
      <Text className="admin-footnote">
        实色为秘书处已核实的数量（学会整体统计的指标为最近填报的数值），浅色为待核实；竖线为目标，虚线为省级底线。排名越小越好。点开指标可查看各项目的完成情况和佐证。
      </Text>
    </View>
  );
}
