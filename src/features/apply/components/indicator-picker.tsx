// Chooses one of the programme's count indicators with the platform's own picker (no extra bundle weight).
import { Picker, View } from '@tarojs/components';
import type { Indicator } from '@/core/program/program-schema';
import { IndicatorNote } from '@/components/program-info';

interface IndicatorPickerProps {
  indicators: readonly Indicator[];
  value: string;
  onChange: (indicatorKey: string) => void;
  disabled?: boolean;
}

export function IndicatorPicker({ indicators, value, onChange, disabled = false }: IndicatorPickerProps) {
  const names = indicators.map((indicator) => `${indicator.name}（${indicator.unit}）`);
  const index = indicators.findIndex((indicator) => indicator.key === value);
  const chosen = index >= 0 ? indicators[index] : undefined;
  return (
    <View>
      <Picker
        mode="selector"
        range={names}
        value={Math.max(index, 0)}
        disabled={disabled}
        onChange={(event) => {
          const picked = indicators[Number(event.detail.value)];
          if (picked) onChange(picked.key);
        }}
      >
        <View className={`apply-picker${chosen ? '' : ' apply-picker--empty'}`}>
          <View className="apply-picker__text">{chosen ? chosen.name : '请选择指标'}</View>
          <View className="apply-picker__arrow">›</View>
        </View>
      </Picker>
      <IndicatorNote indicator={chosen} />
    </View>
  );
}
