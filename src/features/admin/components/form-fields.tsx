// The parts of the secretariat's forms: a day, a minute, or both, picked (never typed) with the system pickers and
// shown as people read them; a line of text; and the form itself, its issue above the one button that saves it.
import { Input, Picker, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ReactNode } from 'react';
import { chineseDay, pickedInstant, pickedParts } from '../dates';
import { Section } from '@/components/section';

interface DayFieldProps {
  label: string;
  /** YYYY-MM-DD */
  value: string;
  start?: string;
  end?: string;
  /** What the field shows, where the day alone would not say it (e.g. 今天). */
  shown?: string;
  onChange: (day: string) => void;
}

export function DayField({ label, value, start, end, shown, onChange }: DayFieldProps) {
  return (
    <View>
      <Text className="admin-form__label">{label}</Text>
      <Picker mode="date" value={value} start={start} end={end} onChange={(event) => onChange(String(event.detail.value))}>
        <View className="admin-form__input admin-form__picker">{shown ?? chineseDay(value)}</View>
      </Picker>
    </View>
  );
}

export function TimeField({ label, value, onChange }: { label: string; value: string; onChange: (time: string) => void }) {
  return (
    <View>
      <Text className="admin-form__label">{label}</Text>
      <Picker mode="time" value={value} onChange={(event) => onChange(String(event.detail.value))}>
        <View className="admin-form__input admin-form__picker">{value}</View>
      </Picker>
    </View>
  );
}

interface DateTimeFieldProps {
  /** Names the two pickers (e.g. 截止时间日期, 截止时间时刻) for screen readers. */
  name: string;
  /** An instant (ISO), or null for none. */
  value: string | null;
  /** The first and last days offered (YYYY-MM-DD). */
  start?: string;
  end?: string;
  /** Shown while there is no value. */
  empty?: string;
  onChange: (instant: string) => void;
  /** Given where the value may be none: a 清除 button sets it back. */
  onClear?: () => void;
}

/** A day and a minute in Shanghai, picked (never typed) and shown as people write them: 2023年7月3日 09:00. */
export function DateTimeField({ name, value, start, end, empty, onChange, onClear }: DateTimeFieldProps) {
  const { day, time } = pickedParts(value);
  return (
    <View className="admin-datetime">
      <Picker
        mode="date"
        value={day || start || ''}
        start={start}
        end={end}
        onChange={(event) => onChange(pickedInstant(value, { day: String(event.detail.value) }))}
      >
        <View className={`admin-form__input admin-form__picker${day ? '' : ' admin-form__picker--empty'}`} aria-label={`${name}日期`}>
          {day ? chineseDay(day) : empty}
        </View>
      </Picker>
      {day ? (
        <Picker mode="time" value={time} onChange={(event) => onChange(pickedInstant(value, { time: String(event.detail.value) }))}>
          <View className="admin-form__input admin-form__picker" aria-label={`${name}时刻`}>
            {time}
          </View>
        </Picker>
      ) : null}
      {day && onClear ? (
        <Button size="small" fill="outline" aria-label={`清除${name}`} onClick={onClear}>
          清除
        </Button>
      ) : null}
    </View>
  );
}

interface TextFieldProps {
  label: string;
  value: string;
  maxlength: number;
  placeholder?: string;
  type?: 'text' | 'digit';
  onChange: (value: string) => void;
}

export function TextField({ label, value, maxlength, placeholder, type = 'text', onChange }: TextFieldProps) {
  return (
    <View>
      <Text className="admin-form__label">{label}</Text>
      <Input
        className="admin-form__input"
        type={type}
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        onInput={(event) => onChange(event.detail.value)}
      />
    </View>
  );
}

interface RecordFormProps {
  title: string;
  extra?: string;
  /** What still keeps the form from saving; null: it may. */
  issue: string | null;
  saving: boolean;
  button: string;
  onSave: () => void;
  children: ReactNode;
}

export function RecordForm({ title, extra, issue, saving, button, onSave, children }: RecordFormProps) {
  return (
    <Section title={title} extra={extra}>
      <View className="admin-form">
        {children}
        <Text className="admin-dialog__hint">{issue ?? ''}</Text>
        <Button type="primary" block disabled={issue !== null} loading={saving} onClick={onSave}>
          {button}
        </Button>
      </View>
    </Section>
  );
}
