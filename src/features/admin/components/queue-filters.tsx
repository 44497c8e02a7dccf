// 筛选: a search on the project's or unit's name and filters by status, category, unit and claims waiting; the
// server answers them on the paged list, so a filter reaches every application, not only those loaded.
import { Input, ScrollView, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { statusTable } from '@/core/workflow/award-workflow';
import { filterCount, statusesOf, type QueueFilters, type QueueStage } from '../staff-actions';

interface Choice {
  id: string;
  name: string;
}

interface QueueFiltersBarProps {
  stage: QueueStage;
  value: QueueFilters;
  categories: readonly Choice[];
  /** Units to filter by: those of the rows loaded, and the one chosen. */
  units: readonly Choice[];
  onChange: (filters: QueueFilters) => void;
}

/** One filter's choices as a row of chips: 全部, then each; a tap on the chosen one clears it. */
export function Chips<T extends string>({
  label,
  choices,
  value,
  onPick,
}: {
  label: string;
  choices: readonly { id: T; name: string }[];
  value: T | undefined;
  onPick: (id: T | undefined) => void;
}) {
  if (choices.length < 2 && value === undefined) return null;
  return (
    <ScrollView scrollX className="admin-filters__row" enhanced showScrollbar={false}>
      <View className="admin-filters__track">
        <Text className="admin-filters__label">{label}</Text>
        <Text className={`admin-filters__chip${value === undefined ? ' admin-filters__chip--on' : ''}`} onClick={() => onPick(undefined)}>
          全部
        </Text>
        {choices.map((choice) => (
          <Text
            key={choice.id}
            className={`admin-filters__chip${value === choice.id ? ' admin-filters__chip--on' : ''}`}
            onClick={() => onPick(value === choice.id ? undefined : choice.id)}
          >
            {choice.name}
          </Text>
        ))}
      </View>
    </ScrollView>
  );
}

/** A filter that is on or off, as one chip. */
export function ToggleChip({ label, on, onToggle }: { label: string; on: boolean; onToggle: (on: boolean) => void }) {
  return (
    <View className="admin-filters__track">
      <Text className={`admin-filters__chip${on ? ' admin-filters__chip--on' : ''}`} onClick={() => onToggle(!on)}>
        {label}
      </Text>
    </View>
  );
}

export function QueueFiltersBar({ stage, value, categories, units, onChange }: QueueFiltersBarProps) {
  const [open, setOpen] = useState(false);
  const [words, setWords] = useState(value.q ?? '');
  const count = filterCount(value);
  const statuses = statusesOf(stage).map((status) => ({ id: status, name: statusTable[status].staffLabel }));
  return (
    <View className="admin-filters">
      <View className="admin-filters__search">
        <Input
          className="admin-filters__input"
          value={words}
          placeholder="搜索项目名称或申报单位"
          confirmType="search"
          onInput={(event) => setWords(event.detail.value)}
          onConfirm={() => onChange({ ...value, q: words })}
        />
        <Text className="admin-link" onClick={() => onChange({ ...value, q: words })}>
          搜索
        </Text>
        <Text className="admin-link" onClick={() => setOpen(!open)}>
          {open ? '收起筛选' : `筛选${count ? `（${count}）` : ''}`}
        </Text>
      </View>
      {open ? (
        <View className="admin-filters__panel">
          <Chips label="状态" choices={statuses} value={value.status} onPick={(status) => onChange({ ...value, status })} />
          <Chips
            label="类别"
            choices={categories}
            value={value.categoryKey}
            onPick={(categoryKey) => onChange({ ...value, categoryKey })}
          />
          <Chips label="单位" choices={units} value={value.orgId} onPick={(orgId) => onChange({ ...value, orgId })} />
          <ToggleChip
            label="只看有待核实指标的项目"
            on={Boolean(value.pendingClaims)}
            onToggle={(pendingClaims) => onChange({ ...value, pendingClaims })}
          />
        </View>
      ) : null}
      {count ? (
        <View className="admin-filters__set">
          <Text>已筛选 {count} 项</Text>
          <Text className="admin-link" onClick={() => (setWords(''), onChange({}))}>
            清除筛选
          </Text>
        </View>
      ) : null}
    </View>
  );
}
