// 申报类别: each category with its quota, award and deadline, and why this unit may not apply to it;
// categories the unit may not apply to (or whose window is closed) cannot be chosen.
import { Input } from '@nutui/nutui-react-taro';
import { Picker, View } from '@tarojs/components';
import { formatShanghaiDateTime } from '@/core/calendar/shanghai';
import { formatYuan } from '@/core/money';
import type { Category } from '@/core/program/program-schema';
import type { ProgramView } from '@/core/schemas/actions';
import { Collapsible } from '@/components/program-info';

export function quotaText(category: Pick<Category, 'quotaMin' | 'quotaMax'>): string {
  if (category.quotaMax === null) return '名额不限';
  if (category.quotaMin > 0 && category.quotaMin < category.quotaMax) return `名额 ${category.quotaMin}–${category.quotaMax} 项`;
  return `名额 ${category.quotaMax} 项`;
}

interface CategorySectionProps {
  program: ProgramView;
  categoryKey: string;
  subtypeKey: string | null;
  servicePoint: string;
  onCategory: (categoryKey: string) => void;
  onSubtype: (subtypeKey: string | null) => void;
  onServicePoint: (servicePoint: string) => void;
}

export function CategorySection(props: CategorySectionProps) {
  const { program, categoryKey, subtypeKey, servicePoint } = props;
  const chosen = program.categories.find((category) => category.key === categoryKey);
  const subtypeIndex = chosen ? chosen.subtypes.findIndex((subtype) => subtype.key === subtypeKey) : -1;
  return (
    <View className="apply-section">
      <View className="apply-section__title">申报类别</View>
      {program.categories.map((category) => {
        const state = program.categoryStates.find((candidate) => candidate.key === category.key);
        const issues = state?.eligibilityIssues ?? [];
        const open = state?.windowOpen ?? program.windowOpen;
        const selectable = issues.length === 0 && open;
        const selected = category.key === categoryKey;
        const className = ['apply-choice', selected ? 'apply-choice--selected' : '', selectable ? '' : 'apply-choice--disabled']
          .filter(Boolean)
          .join(' ');
        return (
          <View
            key={category.key}
            className={className}
            onClick={() => (selectable && !selected ? props.onCategory(category.key) : undefined)}
          >
            <View className="apply-choice__head">
              <View className="apply-choice__mark">{selected ? '●' : '○'}</View>
              <View className="apply-choice__name">
                {category.group ? `${category.group} · ` : ''}
                {category.name}
              </View>
            </View>
            <View className="apply-choice__facts">
              {quotaText(category)} · 每项 {formatYuan(category.awardAmountFen)}
            </View>
            <View className="apply-choice__facts">
              截止 {formatShanghaiDateTime(state?.deadline ?? category.deadline ?? program.deadline)}
              {open ? '' : '（已截止或未开始）'}
            </View>
            {category.description ? (
              selected ? (
                <View className="category-description">{category.description}</View>
              ) : (
                <View className="category-description">
                  <Collapsible title="类别说明">{category.description}</Collapsible>
                </View>
              )
            ) : null}
            {issues.map((issue) => (
              <View key={issue} className="apply-choice__issue">
                不符合：{issue}
              </View>
            ))}
          </View>
        );
      })}
      {chosen && chosen.subtypes.length > 0 ? (
        <View className="apply-field">
          <View className="apply-field__label">申报子类</View>
          <Picker
            mode="selector"
            range={chosen.subtypes.map((subtype) => subtype.name)}
            value={Math.max(subtypeIndex, 0)}
            onChange={(event) => props.onSubtype(chosen.subtypes[Number(event.detail.value)]?.key ?? null)}
          >
            <View className={`apply-picker${subtypeIndex >= 0 ? '' : ' apply-picker--empty'}`}>
              <View className="apply-picker__text">{subtypeIndex >= 0 ? chosen.subtypes[subtypeIndex].name : '请选择申报子类'}</View>
              <View className="apply-picker__arrow">›</View>
            </View>
          </Picker>
        </View>
      ) : null}
      {chosen?.servicePointRequired ? (
        <View className="apply-field">
          <View className="apply-field__label">服务点（每个服务点每个单位只能申报一项）</View>
          <Input className="apply-input" value={servicePoint} placeholder="如：铜山区某产业园" onChange={props.onServicePoint} />
        </View>
      ) : null}
    </View>
  );
}
