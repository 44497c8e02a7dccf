// Chooses one unit by tapping its name; a filter by name appears when the list is long (imported units).
import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';

export interface UnitChoice {
  id: string;
  name: string;
  /** A word after the name, e.g. 本会 for the organiser itself. */
  note?: string;
}

const FILTER_FROM = 8;

export function UnitChooser({ units, value, onChange }: { units: readonly UnitChoice[]; value: string; onChange: (id: string) => void }) {
  const [filter, setFilter] = useState('');
  const wanted = filter.trim();
  const shown = wanted ? units.filter((unit) => unit.name.includes(wanted) || unit.id === value) : units;
  return (
    <View>
      {units.length > FILTER_FROM ? (
        <Input
          className="admin-form__input"
          value={filter}
          placeholder="输入单位名称筛选"
          onInput={(event) => setFilter(event.detail.value)}
        />
      ) : null}
      <View className="people-units" role="radiogroup">
        {shown.map((unit) => (
          <View
            key={unit.id}
            className={`people-unit${unit.id === value ? ' people-unit--on' : ''}`}
            role="radio"
            aria-checked={unit.id === value}
            onClick={() => onChange(unit.id)}
          >
            <Text>{unit.name}</Text>
            {unit.note ? <Text className="people-unit__note">{unit.note}</Text> : null}
          </View>
        ))}
        {shown.length === 0 ? <Text className="admin-muted">没有名称含“{wanted}”的单位</Text> : null}
      </View>
    </View>
  );
}
