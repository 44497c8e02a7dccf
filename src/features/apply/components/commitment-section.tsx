// 指标承诺: which of the programme's count indicators this award will raise, and by how much.
import { Button, Input } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import type { Indicator } from '@/core/program/program-schema';
import type { CommitmentDraft } from '../application-form';
import { IndicatorPicker } from './indicator-picker';

interface CommitmentSectionProps {
  commitments: readonly CommitmentDraft[];
  indicators: readonly Indicator[];
  errors: Record<string, string>;
  onAdd: () => void;
  onRemove: (rowId: string) => void;
  onChange: (rowId: string, patch: Partial<Omit<CommitmentDraft, 'rowId'>>) => void;
}

export function CommitmentSection({ commitments, indicators, errors, onAdd, onRemove, onChange }: CommitmentSectionProps) {
  return (
    <View className="apply-section">
      <View className="apply-section__title">指标承诺</View>
      <View className="apply-hint">选择本项目将完成的指标并填写数量，立项后按此填报完成情况。</View>
      {commitments.map((commitment, index) => {
        const unit = indicators.find((indicator) => indicator.key === commitment.indicatorKey)?.unit ?? '';
        return (
          <View key={commitment.rowId} className={`apply-row${errors[commitment.rowId] ? ' apply-row--error' : ''}`}>
            <View className="apply-row__head">
              <View className="apply-row__index">指标 {index + 1}</View>
              <View className="apply-row__remove" onClick={() => onRemove(commitment.rowId)}>
                删除
              </View>
            </View>
            <IndicatorPicker
              indicators={indicators}
              value={commitment.indicatorKey}
              onChange={(indicatorKey) => onChange(commitment.rowId, { indicatorKey })}
            />
            <View className="apply-field apply-field--inline">
              <View className="apply-field__label">承诺数量</View>
              <Input
                className="apply-input apply-input--short"
                type="number"
                value={commitment.amountText}
                placeholder="整数"
                onChange={(amountText) => onChange(commitment.rowId, { amountText })}
              />
              <View className="apply-field__unit">{unit}</View>
            </View>
            {errors[commitment.rowId] ? <View className="apply-row__error">{errors[commitment.rowId]}</View> : null}
          </View>
        );
      })}
      <Button className="apply-add" fill="outline" type="primary" block onClick={() => onAdd()}>
        添加指标
      </Button>
    </View>
  );
}
