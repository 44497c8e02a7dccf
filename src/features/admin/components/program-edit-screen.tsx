// 编辑项目设置: dates, pool, publicity days, who may apply (申报范围), per-category quota, amount and applicant kinds,
// indicator targets, form limits.
// Money is typed in yuan and sent in fen; the server checks the whole programme again and says what is wrong.
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useState, type ReactNode } from 'react';
import { formatYuan, parseYuan } from '@/core/money';
import { describeRule } from '@/core/program/eligibility';
import type { ProgramView } from '@/core/schemas/actions';
import { orgKindLabels, orgKinds, type OrgKind } from '@/core/schemas/common';
import { PageState } from '@/components/page-state';
import { call, messageOf } from '@/lib/api';
import { showMessage, showSuccess } from '@/lib/feedback';
import { useRemote } from '@/features/common/use-remote';
import { draftOf, editOf, toggledKind, type ProgramDraft, type TimeField } from '../program-edit-form';
import { Section } from './section';
import '../admin.css';

function Field({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <View className="admin-field">
      <Text className="admin-form__label">{label}</Text>
      {children}
      {hint ? <Text className="admin-field__hint">{hint}</Text> : null}
    </View>
  );
}

function TextInput({
  value,
  onChange,
  placeholder,
  type = 'text',
}: {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  type?: 'text' | 'number' | 'digit';
}) {
  return (
    <Input
      className="admin-form__input"
      type={type}
      value={value}
      placeholder={placeholder}
      onInput={(event) => onChange(event.detail.value)}
    />
  );
}

function TimeInput({ field, onChange, placeholder }: { field: TimeField; onChange: (field: TimeField) => void; placeholder?: string }) {
  return <TextInput value={field.text} placeholder={placeholder ?? 'YYYY-MM-DD HH:mm'} onChange={(text) => onChange({ ...field, text })} />;
}

/** One tap target per organisation kind, ticked when the kind is in. */
function KindChecks({ kinds, onChange }: { kinds: readonly OrgKind[]; onChange: (kinds: OrgKind[]) => void }) {
  return (
    <View className="admin-chips admin-kinds">
      {orgKinds.map((kind) => (
        <View
          key={kind}
          className={`admin-chips__chip${kinds.includes(kind) ? ' admin-chips__chip--on' : ''}`}
          role="checkbox"
          aria-checked={kinds.includes(kind)}
          onClick={() => onChange(toggledKind(kinds, kind))}
        >
          <Text>{orgKindLabels[kind]}</Text>
        </View>
      ))}
    </View>
  );
}

function ProgramEditForm({ program, onSaved }: { program: ProgramView; onSaved: (program: ProgramView) => void }) {
  const [draft, setDraft] = useState<ProgramDraft>(() => draftOf(program));
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  useEffect(() => setDraft(draftOf(program)), [program]);
  const result = editOf(draft);
  const issue = 'issue' in result ? result.issue : null;

  const patch = (change: Partial<ProgramDraft>) => setDraft((current) => ({ ...current, ...change }));
  const patchCategory = (index: number, change: Partial<ProgramDraft['categories'][number]>) =>
    setDraft((current) => ({ ...current, categories: current.categories.map((c, i) => (i === index ? { ...c, ...change } : c)) }));
  const patchTarget = (index: number, target: string) =>
    setDraft((current) => ({ ...current, targets: current.targets.map((t, i) => (i === index ? { ...t, target } : t)) }));
  const patchSection = (index: number, maxChars: string) =>
    setDraft((current) => ({ ...current, sections: current.sections.map((s, i) => (i === index ? { ...s, maxChars } : s)) }));

  async function save() {
    if (!('edit' in result)) return;
    setSaving(true);
    setServerError(null);
    try {
      const saved = await call('program.update', { programId: program._id, version: program.version, edit: result.edit });
      showSuccess('已保存');
      onSaved(saved);
    } catch (error) {
      setServerError(messageOf(error));
      showMessage(messageOf(error));
    } finally {
      setSaving(false);
    }
  }

  const poolFen = parseYuan(draft.poolYuan);
  return (
    <View className="admin-page admin-page--with-bar">
      <Section title="基本信息">
        <Field label="项目名称">
          <TextInput value={draft.name} onChange={(name) => patch({ name })} />
        </Field>
        <Field label="项目简介">
          <Textarea
            className="admin-dialog__input"
            value={draft.summary}
            maxlength={500}
            autoHeight
            onInput={(event) => patch({ summary: event.detail.value })}
          />
        </Field>
        <Field label="资金池（元）" hint={poolFen !== null ? formatYuan(poolFen) : undefined}>
          <TextInput type="digit" value={draft.poolYuan} onChange={(poolYuan) => patch({ poolYuan })} />
        </Field>
        <Field label="公示期（工作日）" hint="节假日不计，调休上班日计入">
          <TextInput
            type="number"
            value={draft.publicityWorkingDays}
            onChange={(publicityWorkingDays) => patch({ publicityWorkingDays })}
          />
        </Field>
      </Section>
      <Section title="申报范围" extra="本单位所属的">
        <Field label="可以看到并申报本项目的单位类型" hint="各类别的申报单位类型须在此范围之内">
          <KindChecks kinds={draft.applicantKinds} onChange={(applicantKinds) => patch({ applicantKinds })} />
        </Field>
        <Field label="范围名称（显示给申报单位）">
          <TextInput
            value={draft.applicantLabel}
            placeholder="如：分支机构、会员单位"
            onChange={(applicantLabel) => patch({ applicantLabel })}
          />
        </Field>
      </Section>
      <Section title="申报条件" extra="按申报通知设定">
        {program.eligibility.length === 0 ? <Text className="admin-muted">无其他条件</Text> : null}
        {program.eligibility.map((rule, index) => (
          <Text key={index} className="admin-profile__line">{`${index + 1}. ${describeRule(rule, program.categories)}`}</Text>
        ))}
      </Section>
      <Section title="时间安排" extra="北京时间">
        <Field label="申报开始">
          <TimeInput field={draft.opensAt} onChange={(opensAt) => patch({ opensAt })} />
        </Field>
        <Field label="申报截止">
          <TimeInput field={draft.deadline} onChange={(deadline) => patch({ deadline })} />
        </Field>
        <Field label="实施结束">
          <TimeInput field={draft.implementationEndsAt} onChange={(implementationEndsAt) => patch({ implementationEndsAt })} />
        </Field>
        {program.stages.midterm ? (
          <Field label="中期报告截止（可空）">
            <TimeInput field={draft.midtermReportDueAt} onChange={(midtermReportDueAt) => patch({ midtermReportDueAt })} />
          </Field>
        ) : null}
        <Field label="结项报告截止">
          <TimeInput field={draft.finalReportDueAt} onChange={(finalReportDueAt) => patch({ finalReportDueAt })} />
        </Field>
      </Section>
      <Section title="类别、名额与金额" extra={`${draft.categories.length} 个类别`}>
        {draft.categories.map((category, index) => (
          <View className="admin-subsection" key={category.key}>
            <Text className="admin-assign__title">{category.name}</Text>
            <View className="admin-field-row">
              <Field label="名额下限">
                <TextInput type="number" value={category.quotaMin} onChange={(quotaMin) => patchCategory(index, { quotaMin })} />
              </Field>
              <Field label="名额上限">
                <TextInput
                  type="number"
                  value={category.quotaMax}
                  placeholder="不限"
                  onChange={(quotaMax) => patchCategory(index, { quotaMax })}
                />
              </Field>
              <Field label="单项金额（元）">
                <TextInput type="digit" value={category.amountYuan} onChange={(amountYuan) => patchCategory(index, { amountYuan })} />
              </Field>
            </View>
            <Field label="本类别申报单位类型">
              <KindChecks kinds={category.applicantKinds} onChange={(applicantKinds) => patchCategory(index, { applicantKinds })} />
            </Field>
            <Field label="本类别截止（留空按项目截止）">
              <TimeInput
                field={category.deadline}
                placeholder="留空：按项目截止时间"
                onChange={(deadline) => patchCategory(index, { deadline })}
              />
            </Field>
          </View>
        ))}
      </Section>
      <Section title="指标目标" extra={`${draft.targets.length} 项`}>
        {draft.targets.map((target, index) => (
          <View className="admin-target" key={target.key}>
            <Text className="admin-target__name">{target.name}</Text>
            <Input
              className="admin-form__input admin-target__input"
              type="digit"
              value={target.target}
              onInput={(event) => patchTarget(index, event.detail.value)}
            />
            <Text className="admin-target__unit">{target.unit}</Text>
          </View>
        ))}
      </Section>
      <Section title="申报书限制">
        <View className="admin-field-row">
          <Field label="项目名称字数上限">
            <TextInput type="number" value={draft.projectNameMaxChars} onChange={(projectNameMaxChars) => patch({ projectNameMaxChars })} />
          </Field>
          <Field label="预算最多行数">
            <TextInput type="number" value={draft.budgetMaxLines} onChange={(budgetMaxLines) => patch({ budgetMaxLines })} />
          </Field>
        </View>
        {draft.sections.map((section, index) => (
          <View className="admin-target" key={section.key}>
            <Text className="admin-target__name">{section.title}</Text>
            <Input
              className="admin-form__input admin-target__input"
              type="number"
              value={section.maxChars}
              onInput={(event) => patchSection(index, event.detail.value)}
            />
            <Text className="admin-target__unit">字</Text>
          </View>
        ))}
      </Section>
      <View className="admin-bar">
        {serverError || issue ? <Text className="admin-bar__error">{serverError ?? issue}</Text> : null}
        <Button type="primary" block disabled={issue !== null} loading={saving} onClick={() => void save()}>
          保存设置
        </Button>
      </View>
    </View>
  );
}

export function ProgramEditScreen({ programId }: { programId: string }) {
  const remote = useRemote(() => call('program.get', { programId }), [programId]);
  const [saved, setSaved] = useState<ProgramView | null>(null);
  if (!programId) return <PageState loading={false} error="缺少项目编号，请从项目设置进入" />;
  const program = saved ?? remote.data;
  if (!program) return <PageState loading={remote.loading} error={remote.error} onRetry={() => void remote.reload()} />;
  return <ProgramEditForm program={program} onSaved={setSaved} />;
}
