import { Text, View } from '@tarojs/components';
import type { BudgetLine } from '@/core/schemas/documents';
import { Money } from '@/components/money';

export function BudgetTable({ lines, totalFen }: { lines: readonly BudgetLine[]; totalFen: number }) {
  if (lines.length === 0) return <Text className="admin-muted">未填写经费预算</Text>;
  return (
    <View className="admin-table">
      <View className="admin-table__row admin-table__row--head">
        <Text className="admin-table__item">科目</Text>
        <Text className="admin-table__amount">金额</Text>
        <Text className="admin-table__basis">依据</Text>
      </View>
      {lines.map((line, index) => (
        <View className="admin-table__row" key={`${index}-${line.item}`}>
          <Text className="admin-table__item">{line.item}</Text>
          <Money className="admin-table__amount" fen={line.amountFen} />
          <Text className="admin-table__basis">{line.basis || '—'}</Text>
        </View>
      ))}
      <View className="admin-table__row admin-table__row--total">
        <Text className="admin-table__item">合计</Text>
        <Money className="admin-table__amount" fen={totalFen} />
        <Text className="admin-table__basis" />
      </View>
    </View>
  );
}
