// One indicator opened from the board: its bar, each award's (unit's) figures, the claims behind them with their
// verification and evidence (tap through to the award), and for a society-level indicator the values recorded so
// far and the form to record one (the day picked, never typed).
import { Text, View } from '@tarojs/components';
import { Tag, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { formatShanghaiDateTime } from '@/core/calendar/shanghai';
import type { ActionOutput } from '@/core/schemas/actions';
import { PageState } from '@/components/page-state';
import { useAction } from '@/features/common/use-action';
import { recordIndicator } from '../api/awards';
import { newRequestId } from '@/lib/drafts';
import { go } from '@/lib/navigation';
import { chineseDay, shanghaiDayOf } from '../dates';
import { useIndicator } from '../hooks/use-indicator';
import { settle } from '../hooks/use-decision';
import { formatAchieved, parseRecordedValue } from '../indicator-progress';
import { DayField, RecordForm, TextField } from './form-fields';
import { IndicatorCard, type IndicatorRow } from './indicator-board';
import { formatIndicatorValue } from './indicator-value';
import { Card } from '@/components/card';
import { Section } from '@/components/section';
import '../admin.css';
import '../indicator.css';

type Detail = ActionOutput<'dashboard.indicator'>;

const verificationTags: Record<Detail['claims'][number]['verification'], { label: string; type: 'default' | 'success' | 'danger' }> = {
  pending: { label: '待核实', type: 'default' },
  verified: { label: '已核实', type: 'success' },
  rejected: { label: '已驳回', type: 'danger' },
};

function Units({ row, units }: { row: IndicatorRow; units: Detail['units'] }) {
  const n = (value: number) => formatIndicatorValue(row.kind, row.unit, value);
  return (
    <Section title="各奖补项目" extra={`${units.length} 项`}>
      {units.length === 0 ? <Text className="admin-form__note">尚无已立项的奖补项目承诺或填报本指标。</Text> : null}
      {units.map((unit) => (
        <View className="admin-list__row" key={unit.applicationId} onClick={() => void go('applicationDetail', { id: unit.applicationId })}>
          <View className="admin-list__main">
            <Text className="admin-list__name">{unit.orgName}</Text>
            <Text className="admin-list__sub">{unit.projectName}</Text>
            <Text className="admin-list__sub">
              承诺 {n(unit.committed)} · 已填报 {n(unit.claimed)} · 待核实 {n(unit.pending)}
            </Text>
          </View>
          <Text className="admin-list__value">已核实 {n(unit.verified)}</Text>
        </View>
      ))}
    </Section>
  );
}

function Claims({ row, claims }: { row: IndicatorRow; claims: Detail['claims'] }) {
  return (
    <Section title="成果填报" extra={`${claims.length} 条`}>
      {claims.length === 0 ? <Text className="admin-form__note">尚无填报。</Text> : null}
      {claims.map((claim) => {
        const tag = verificationTags[claim.verification];
        return (
          <View
            className="admin-list__row admin-indicator-claim"
            key={claim._id}
            onClick={() => void go('applicationDetail', { id: claim.applicationId })}
          >
            <View className="admin-list__main">
              <Text className="admin-list__name">
                {claim.orgName} · {formatIndicatorValue(row.kind, row.unit, claim.amount)}
              </Text>
              <Text className="admin-list__sub">{claim.description}</Text>
              <Text className="admin-list__sub">
                佐证 {claim.evidence} 份 · {formatShanghaiDateTime(claim.createdAt)}
              </Text>
            </View>
            <Tag type={tag.type}>{tag.label}</Tag>
          </View>
        );
      })}
    </Section>
  );
}

function ValueHistory({ row, values }: { row: IndicatorRow; values: Detail['values'] }) {
  return (
    <Section title="填报记录" extra={`${values.length} 条`}>
      {values.length === 0 ? <Text className="admin-form__note">尚未填报数值。</Text> : null}
      {values.map((value) => (
        <View className="admin-list__row" key={value._id}>
          <View className="admin-list__main">
            <Text className="admin-list__name">{formatAchieved(row.kind, row.unit, value.value)}</Text>
            <Text className="admin-list__sub">出处：{value.evidence}</Text>
            {value.link ? <Text className="admin-list__sub admin-list__link">{value.link}</Text> : null}
            <Text className="admin-list__sub">
              {value.recordedByName} 填报于 {formatShanghaiDateTime(value.createdAt)}
            </Text>
          </View>
          <Text className="admin-list__value">{chineseDay(value.on)}</Text>
        </View>
      ))}
    </Section>
  );
}

function RecordValue({ row, programId, today, onSaved }: { row: IndicatorRow; programId: string; today: string; onSaved: () => unknown }) {
  const [valueText, setValueText] = useState(row.kind === 'yesno' ? '1' : '');
  const [day, setDay] = useState(today);
  const [evidence, setEvidence] = useState('');
  const [link, setLink] = useState('');
  const saving = useAction();
  const [requestId, setRequestId] = useState(newRequestId);
  const parsed = parseRecordedValue(row, valueText);
  const issue =
    'issue' in parsed
      ? parsed.issue
      : evidence.trim() === ''
        ? '请写明数值的出处（文件、名单或截图编号）'
        : link.trim() !== '' && !/^https:\/\/\S+$/.test(link.trim())
          ? '链接须以 https:// 开头'
          : null;
  const unitWord = row.kind === 'rank' ? '名次' : row.kind === 'percent' ? '百分比（%）' : `数量（${row.unit}）`;

  async function save() {
    if ('issue' in parsed) return;
    // On a refusal settle showed the message; the form keeps what was entered.
    const settled = await saving.run(async () => {
      await settle(
        () =>
          recordIndicator({
            requestId,
            programId,
            indicatorKey: row.key,
            value: parsed.value,
            on: day,
            evidence: evidence.trim(),
            link: link.trim() === '' ? null : link.trim(),
          }),
        '已填报',
        onSaved,
      );
      return true;
    });
    if (!settled) return;
    setRequestId(newRequestId());
    setValueText(row.kind === 'yesno' ? '1' : '');
    setEvidence('');
    setLink('');
  }

  return (
    <RecordForm title="填报数值" extra="学会整体统计" issue={issue} saving={saving.busy} button="保存数值" onSave={() => void save()}>
      {row.kind === 'yesno' ? (
        <View>
          <Text className="admin-form__label">是否达成</Text>
          <View className="admin-chips admin-kinds">
            {[
              ['1', '是'],
              ['0', '否'],
            ].map(([value, label]) => (
              <Text
                key={value}
                className={`admin-chips__chip${valueText === value ? ' admin-chips__chip--on' : ''}`}
                onClick={() => setValueText(value)}
              >
                {label}
              </Text>
            ))}
          </View>
        </View>
      ) : (
        <TextField
          label={unitWord}
          value={valueText}
          maxlength={8}
          type="digit"
          placeholder={row.kind === 'rank' ? '如 28（第 28 名）' : '填写数值'}
          onChange={setValueText}
        />
      )}
      <DayField label="数值对应日期" value={day} end={today} onChange={setDay} />
      <Text className="admin-form__label">出处</Text>
      <TextArea
        className="admin-form__textarea"
        value={evidence}
        maxLength={500}
        placeholder="如：天府科技云2023年6月排名通报"
        onChange={setEvidence}
      />
      <TextField label="链接（选填）" value={link} maxlength={500} placeholder="https://" onChange={setLink} />
    </RecordForm>
  );
}

interface IndicatorDetailScreenProps {
  programId: string;
  indicatorKey: string;
  /** Opened from 填报数值: the record form comes first. */
  record: boolean;
}

export function IndicatorDetailScreen({ programId, indicatorKey, record }: IndicatorDetailScreenProps) {
  const remote = useIndicator(programId, indicatorKey);
  const data = remote.data;
  if (!data) return <PageState loading={remote.loading} error={remote.error} onRetry={() => void remote.reload()} />;
  const { row } = data;
  const form =
    row.source === 'society' ? (
      <RecordValue row={row} programId={programId} today={shanghaiDayOf(data.program.serverNow)} onSaved={remote.reload} />
    ) : null;
  return (
    <View className="admin-page">
      <Card>
        <IndicatorCard row={row} />
      </Card>
      {record ? form : null}
      {row.source === 'society' ? <ValueHistory row={row} values={data.values} /> : null}
      {row.source === 'claims' ? <Units row={row} units={data.units} /> : null}
      {row.source === 'claims' ? <Claims row={row} claims={data.claims} /> : null}
      {record ? null : form}
    </View>
  );
}
