// 经费预算: lines of 科目 / 金额 / 测算依据 with a live total against the chosen category's award.
import { Button, Input } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { formatYuan } from '@/core/money';
import type { BudgetLineDraft } from '../application-form';

interface BudgetSectionProps {
  lines: readonly BudgetLineDraft[];
  errors: Record<string, string>;
  totalFen: number;
  /** null until a category is chosen. */
  limitFen: number | null;
  maxLines: number;
  onAdd: () => void;
  onRemove: (rowId: string) => void;
  onChange: (rowId: string, patch: Partial<Omit<BudgetLineDraft, 'rowId'>>) => void;
}

export function BudgetSection({ lines, errors, totalFen, limitFen, maxLines, onAdd, onRemove, onChange }: BudgetSectionProps) {
  const over = limitFen !== null && totalFen > limitFen;
  return (
    <View className="apply-section">
      <View className="apply-section__title">经费预算</View>
      {lines.map((line, index) => (
        <View key={line.rowId} className={`apply-row${errors[line.rowId] ? ' apply-row--error' : ''}`}>
          <View className="apply-row__head">
            <View className="apply-row__index">第 {index + 1} 项</View>
            <View className="apply-row__remove" onClick={() => onRemove(line.rowId)}>
              删除
            </View>
          </View>
          <View className="apply-field-pair">
            <View className="apply-field">
              <View className="apply-field__label">科目</View>
              <Input
                className="apply-input"
                value={line.item}
                placeholder="如：专家劳务费"
                onChange={(item) => onChange(line.rowId, { item })}
              />
            </View>
            <View className="apply-field apply-field--amount">
              <View className="apply-field__label">金额（元）</View>
              <Input
                className="apply-input"
                type="digit"
                value={line.amountText}
                placeholder="如：1200"
                onChange={(amountText) => onChange(line.rowId, { amountText })}
              />
            </View>
          </View>
          <View className="apply-field">
            <View className="apply-field__label">测算依据</View>
            <Input
              className="apply-input"
              value={line.basis}
              placeholder="如：2 人 × 600 元"
              onChange={(basis) => onChange(line.rowId, { basis })}
            />
          </View>
          {errors[line.rowId] ? <View className="apply-row__error">{errors[line.rowId]}</View> : null}
        </View>
      ))}
      {lines.length < maxLines ? (
        <Button className="apply-add" fill="outline" type="primary" block onClick={onAdd}>
          添加预算
        </Button>
      ) : (
        <View className="apply-hint">预算最多 {maxLines} 项</View>
      )}
      <View className={`apply-total${over ? ' apply-total--over' : ''}`}>
        合计 {formatYuan(totalFen)}
        {limitFen !== null ? ` / 上限 ${formatYuan(limitFen)}` : '（选择类别后显示上限）'}
      </View>
      {over ? <View className="apply-total__warning">预算合计超过上限，请调整后再保存或提交</View> : null}
    </View>
  );
}
