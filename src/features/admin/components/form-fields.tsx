// The parts of the secretariat's record forms: a day and a minute, picked (never typed) with the system pickers and
// shown as people read them; a line of text; and the form itself, its issue above the one button that saves it.
import { Input, Picker, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ReactNode } from 'react';
import { chineseDay } from '../dates';
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
