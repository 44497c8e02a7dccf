// 指标承诺: which of the programme's count indicators this award will raise, and by how much; or, where the applicant
// commits its own targets (a society in the provincial call, seed 000's 绩效指标 table), its target for every
// indicator, started at the provincial minimum and never below it.
import { Button, Input } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import type { Indicator } from '@/core/program/program-schema';
import { floorText } from '@/core/program/program-rules';
import type { CommitmentDraft } from '../application-form';
import { IndicatorPicker } from './indicator-picker';

interface CommitmentSectionProps {
  commitments: readonly CommitmentDraft[];
  indicators: readonly Indicator[];
  /** One row per indicator, each the applicant's own target (commitTargets). */
  targets?: boolean;
  errors: Record<string, string>;
  onAdd: () => void;
  onRemove: (rowId: string) => void;
  onChange: (rowId: string, patch: Partial<Omit<CommitmentDraft, 'rowId'>>) => void;
}

/** The input for one target, by kind: a yes/no is fixed at 是, a rank reads 前 N 名, a percentage N %. */
function TargetInput({
  indicator,
  draft,
  onChange,
}: {
  indicator: Indicator;
  draft: CommitmentDraft;
  onChange: (amountText: string) => void;
}) {
  if (indicator.kind === 'yesno') return <View className="apply-target__fixed">是</View>;
  return (
    <View className="apply-field apply-field--inline">
      <View className="apply-field__label">{indicator.kind === 'rank' ? '前' : '目标'}</View>
      <Input className="apply-input apply-input--short" type="number" value={draft.amountText} placeholder="整数" onChange={onChange} />
      <View className="apply-field__unit">
        {indicator.kind === 'percent' ? '%' : indicator.kind === 'rank' ? '名以内' : indicator.unit}
      </View>
    </View>
  );
}

function TargetRows({ commitments, indicators, errors, onChange }: Omit<CommitmentSectionProps, 'targets' | 'onAdd' | 'onRemove'>) {
  return (
    <View className="apply-section">
      <View className="apply-section__title">指标承诺</View>
      <View className="apply-hint">
        逐项填写本会的承诺目标，不得低于省级要求（已按省级要求预填）；排名类填写名次，越小越好。立项后按承诺目标考核。
      </View>
      {commitments.map((draft) => {
        const indicator = indicators.find((candidate) => candidate.key === draft.indicatorKey);
        if (!indicator) return null;
        return (
          <View key={draft.rowId} className={`apply-row apply-target${errors[draft.rowId] ? ' apply-row--error' : ''}`}>
            <View className="apply-target__name">{indicator.name}</View>
            <View className="apply-target__floor">省级要求：{floorText(indicator, indicator.target)}</View>
            <TargetInput indicator={indicator} draft={draft} onChange={(amountText) => onChange(draft.rowId, { amountText })} />
            {errors[draft.rowId] ? <View className="apply-row__error">{errors[draft.rowId]}</View> : null}
          </View>
        );
      })}
    </View>
  );
}

export function CommitmentSection(props: CommitmentSectionProps) {
  const { commitments, indicators, targets, errors, onAdd, onRemove, onChange } = props;
  if (targets) return <TargetRows commitments={commitments} indicators={indicators} errors={errors} onChange={onChange} />;
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
