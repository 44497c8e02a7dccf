// The dated facts eligibility reads, as the secretariat enters them: the rating and the year it was given,
// one 年检结论 per year, 行政处罚 and 通报 with their days, and the plain flags. Years and days are picked, never typed.
import { Input, Picker, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ratings } from '@/core/program/program-rules';
import { sanctionKindLabels, sanctionKinds } from '@/core/schemas/labels';
import { inspectionResults, type Inspection, type OrganizationProfile, type Sanction } from '@/core/schemas/documents';
import { chineseDay, shanghaiDayOf } from '../dates';

type Flag = 'integrityClean' | 'canIssueTaxInvoice' | 'hasSocietyDay';
const flagLabels: Record<Flag, string> = {
  integrityClean: '诚信记录良好',
  canIssueTaxInvoice: '能开具税务票据',
  hasSocietyDay: '已设立学会日',
};

/** How many years back the pickers offer (ratings are valid for five years; inspections matter for two). */
const YEARS_BACK = 15;

export function Chip({ on, label, onClick }: { on: boolean; label: string; onClick: () => void }) {
  return (
    <View className={`admin-chips__chip${on ? ' admin-chips__chip--on' : ''}`} role="checkbox" aria-checked={on} onClick={onClick}>
      <Text>{label}</Text>
    </View>
  );
}

/** This year and the ones before it, newest first, plus any year already recorded outside that range. */
function yearChoices(today: string, recorded: readonly number[]): number[] {
  const thisYear = Number(today.slice(0, 4));
  const years = new Set(Array.from({ length: YEARS_BACK + 1 }, (_, index) => thisYear - index));
  for (const year of recorded) years.add(year);
  return [...years].sort((a, b) => b - a);
}

function YearPicker({ value, years, onChange }: { value: number | null; years: readonly number[]; onChange: (year: number) => void }) {
  const labels = years.map((year) => `${year}年`);
  const index = value === null ? 0 : Math.max(0, years.indexOf(value));
  return (
    <Picker mode="selector" range={labels} value={index} onChange={(event) => onChange(years[Number(event.detail.value)] ?? years[0]!)}>
      <View className="admin-profile__picker">{value === null ? '请选择年度' : `${value}年`}</View>
    </Picker>
  );
}

function InspectionRows({ rows, today, onChange }: { rows: Inspection[]; today: string; onChange: (rows: Inspection[]) => void }) {
  const years = yearChoices(
    today,
    rows.map((row) => row.year),
  );
  const replaceAt = (index: number, patch: Partial<Inspection>) =>
    onChange(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  // A new row takes the latest year not yet recorded (the year before this one first).
  const nextYear = years.slice(1).find((year) => !rows.some((row) => row.year === year));
  return (
    <View>
      {rows.length === 0 ? <Text className="admin-muted">未登记年检结论</Text> : null}
      {rows.map((row, index) => (
        <View className="admin-profile__row" key={`${row.year}-${index}`}>
          <YearPicker
            value={row.year}
            years={years.filter((year) => year === row.year || !rows.some((other) => other.year === year))}
            onChange={(year) => replaceAt(index, { year })}
          />
          <View className="admin-chips admin-profile__chips">
            {inspectionResults.map((result) => (
              <Chip key={result} on={row.result === result} label={result} onClick={() => replaceAt(index, { result })} />
            ))}
          </View>
          <Text className="admin-profile__remove" onClick={() => onChange(rows.filter((_, at) => at !== index))}>
            删除
          </Text>
        </View>
      ))}
      {nextYear !== undefined ? (
        <Button
          size="small"
          fill="outline"
          onClick={() => onChange([...rows, { year: nextYear, result: '合格' as const }].sort((a, b) => a.year - b.year))}
        >
          添加年检结论
        </Button>
      ) : null}
    </View>
  );
}

const sanctionTexts = [
  { field: 'authority', label: '作出机关', maxlength: 60, placeholder: '如：省民政厅' },
  { field: 'note', label: '事由（选填）', maxlength: 200, placeholder: '如：未按期报送年度工作报告' },
] as const;

function SanctionRows({ rows, today, onChange }: { rows: Sanction[]; today: string; onChange: (rows: Sanction[]) => void }) {
  const replaceAt = (index: number, patch: Partial<Sanction>) =>
    onChange(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  return (
    <View>
      {rows.length === 0 ? <Text className="admin-muted">无行政处罚或通报记录</Text> : null}
      {rows.map((row, index) => (
        <View className="admin-profile__sanction" key={index}>
          <View className="admin-chips admin-profile__chips">
            {sanctionKinds.map((kind) => (
              <Chip key={kind} on={row.kind === kind} label={sanctionKindLabels[kind]} onClick={() => replaceAt(index, { kind })} />
            ))}
          </View>
          <View className="admin-profile__row">
            <Picker mode="date" value={row.on} end={today} onChange={(event) => replaceAt(index, { on: String(event.detail.value) })}>
              <View className="admin-profile__picker">{chineseDay(row.on)}</View>
            </Picker>
            <Text className="admin-profile__remove" onClick={() => onChange(rows.filter((_, at) => at !== index))}>
              删除
            </Text>
          </View>
          {sanctionTexts.map(({ field, label, maxlength, placeholder }) => (
            <View key={field}>
              <Text className="admin-profile__hint">{label}</Text>
              <Input
                className="admin-form__input"
                value={row[field]}
                maxlength={maxlength}
                placeholder={placeholder}
                onInput={(event) => replaceAt(index, { [field]: event.detail.value })}
              />
            </View>
          ))}
        </View>
      ))}
      <Button size="small" fill="outline" onClick={() => onChange([...rows, { kind: 'notice', on: today, authority: '', note: '' }])}>
        添加处罚或通报
      </Button>
    </View>
  );
}

interface ProfileFieldsProps {
  profile: OrganizationProfile;
  onChange: (patch: Partial<OrganizationProfile>) => void;
  /** Bounds the pickers: the server's clock, which judges eligibility. */
  now: Date;
}

export function ProfileFields({ profile, onChange, now }: ProfileFieldsProps) {
  const today = shanghaiDayOf(now.toISOString());
  const ratingYears = yearChoices(today, profile.ratingYear === null ? [] : [profile.ratingYear]);
  return (
    <>
      <Text className="admin-form__label">社会组织评估等级</Text>
      <View className="admin-chips">
        <Chip on={profile.rating === null} label="未评估" onClick={() => onChange({ rating: null, ratingYear: null })} />
        {ratings.map((rating) => (
          <Chip
            key={rating}
            on={profile.rating === rating}
            label={`${rating}级`}
            onClick={() => onChange({ rating, ratingYear: profile.ratingYear ?? ratingYears[0] ?? null })}
          />
        ))}
      </View>
      {profile.rating !== null ? (
        <View className="admin-profile__row">
          <Text className="admin-muted">评定年度</Text>
          <YearPicker value={profile.ratingYear} years={ratingYears} onChange={(ratingYear) => onChange({ ratingYear })} />
        </View>
      ) : null}
      <Text className="admin-form__label">年检结论（按年度）</Text>
      <InspectionRows rows={profile.inspections} today={today} onChange={(inspections) => onChange({ inspections })} />
      <Text className="admin-form__label">行政处罚与通报</Text>
      <SanctionRows rows={profile.sanctions} today={today} onChange={(sanctions) => onChange({ sanctions })} />
      <Text className="admin-form__label">情况</Text>
      <View className="admin-chips">
        {(Object.keys(flagLabels) as Flag[]).map((flag) => (
          <Chip key={flag} on={profile[flag]} label={flagLabels[flag]} onClick={() => onChange({ [flag]: !profile[flag] })} />
        ))}
      </View>
    </>
  );
}
