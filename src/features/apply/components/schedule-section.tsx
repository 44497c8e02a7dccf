// 进度安排: phase, start and end date, work and the person responsible, one row each.
import { Button, Input } from '@nutui/nutui-react-taro';
import { Picker, View } from '@tarojs/components';
import { formatCalendarDay } from '@/core/calendar/shanghai';
import { periodText, type ProgramPeriod } from '@/core/program/period';
import type { ScheduleRowDraft } from '../application-form';

interface ScheduleSectionProps {
  rows: readonly ScheduleRowDraft[];
  errors: Record<string, string>;
  required: boolean;
  maxRows: number;
  /** The programme's period: every day picked lies inside it. */
  period: ProgramPeriod | null;
  onAdd: () => void;
  onRemove: (rowId: string) => void;
  onChange: (rowId: string, patch: Partial<Omit<ScheduleRowDraft, 'rowId'>>) => void;
}

/** A day picked inside the programme's period: the picker opens there and offers no day outside it. */
function DateField({
  label,
  value,
  period,
  onChange,
}: {
  label: string;
  value: string;
  period: ProgramPeriod | null;
  onChange: (day: string) => void;
}) {
  const opensOn = value || (period?.from ?? '');
  return (
    <View className="apply-field apply-field--half">
      <View className="apply-field__label">{label}</View>
      <Picker mode="date" value={opensOn} start={period?.from} end={period?.to} onChange={(event) => onChange(String(event.detail.value))}>
        <View className={`apply-picker${value ? '' : ' apply-picker--empty'}`}>
          <View className="apply-picker__text">{value ? formatCalendarDay(value) : '选择日期'}</View>
        </View>
      </Picker>
    </View>
  );
}

export function ScheduleSection({ rows, errors, required, maxRows, period, onAdd, onRemove, onChange }: ScheduleSectionProps) {
  return (
    <View className="apply-section">
      <View className="apply-section__title">进度安排{required ? '' : '（选填）'}</View>
      {period ? <View className="apply-hint">项目期：{periodText(period)}</View> : null}
      {rows.map((row, index) => (
        <View key={row.rowId} className={`apply-row${errors[row.rowId] ? ' apply-row--error' : ''}`}>
          <View className="apply-row__head">
            <View className="apply-row__index">第 {index + 1} 阶段</View>
            <View className="apply-row__remove" onClick={() => onRemove(row.rowId)}>
              删除
            </View>
          </View>
          <View className="apply-field">
            <View className="apply-field__label">实施阶段</View>
            <Input
              className="apply-input"
              value={row.phase}
              placeholder="如：筹备阶段"
              onChange={(phase) => onChange(row.rowId, { phase })}
            />
          </View>
          <View className="apply-field-pair">
            <DateField label="开始日期" value={row.startsOn} period={period} onChange={(startsOn) => onChange(row.rowId, { startsOn })} />
            <DateField label="结束日期" value={row.endsOn} period={period} onChange={(endsOn) => onChange(row.rowId, { endsOn })} />
          </View>
          <View className="apply-field">
            <View className="apply-field__label">工作内容</View>
            <Input
              className="apply-input"
              value={row.work}
              placeholder="本阶段的主要工作"
              onChange={(work) => onChange(row.rowId, { work })}
            />
          </View>
          <View className="apply-field">
            <View className="apply-field__label">负责人</View>
            <Input className="apply-input" value={row.owner} placeholder="姓名" onChange={(owner) => onChange(row.rowId, { owner })} />
          </View>
          {errors[row.rowId] ? <View className="apply-row__error">{errors[row.rowId]}</View> : null}
        </View>
      ))}
      {rows.length < maxRows ? (
        <Button className="apply-add" fill="outline" type="primary" block onClick={onAdd}>
          添加阶段
        </Button>
      ) : (
        <View className="apply-hint">进度安排最多 {maxRows} 行</View>
      )}
    </View>
  );
}
