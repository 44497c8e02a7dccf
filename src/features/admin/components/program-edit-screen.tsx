// 项目设置: every part of a programme (stages, categories, eligibility, limits, form sections, attachments,
// declaration, review criteria, indicators), then a preview as an applicant will see it, from which a draft is
// published. The form checks with the server's own contract (editOf → checkEdit); the server checks again.
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { useEffect, useState, type ReactNode } from 'react';
import { formatShanghaiDateTime } from '@/core/calendar/shanghai';
import { formatYuan } from '@/core/money';
import { describeRule } from '@/core/program/eligibility';
import type { EligibilityRule } from '@/core/program/program-schema';
import { failureText, publishIssue, ratings } from '@/core/program/program-rules';
import { stageTimeline } from '@/core/program/timeline';
import type { ProgramView } from '@/core/schemas/actions';
import { orgKindLabels, orgKinds, sanctionKindLabels, sanctionKinds, type OrgKind } from '@/core/schemas/labels';
import { PageState } from '@/components/page-state';
import { showMessage, showSuccess } from '@/lib/feedback';
import { useRemote } from '@/features/common/use-remote';
import { useAction } from '@/features/common/use-action';
import { getProgram } from '@/features/common/api/shared';
import { publishProgram, updateProgram } from '../api/programs';
import {
  draftOf,
  editOf,
  fenOfYuan,
  moved,
  newAttachment,
  newCategory,
  newCriterion,
  newRule,
  newSection,
  numberOf,
  periodField,
  ruleKindLabels,
  toggledKey,
  toggledKind,
  weightTotal,
  without,
  yuanText,
  type ProgramDraft,
} from '../program-edit-form';
import { DateTimeField } from './form-fields';
import { ActionBar } from '@/components/action-bar';
import { Section } from '@/components/section';
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

function TextInput({ value, onChange, placeholder }: { value: string; onChange: (value: string) => void; placeholder?: string }) {
  return <Input className="admin-form__input" value={value} placeholder={placeholder} onInput={(event) => onChange(event.detail.value)} />;
}

function LongText({
  value,
  onChange,
  max,
  placeholder,
}: {
  value: string;
  onChange: (value: string) => void;
  max: number;
  placeholder?: string;
}) {
  return (
    <Textarea
      className="admin-dialog__input"
      value={value}
      maxlength={max}
      autoHeight
      placeholder={placeholder}
      onInput={(event) => onChange(event.detail.value)}
    />
  );
}

/**
 * A value typed as text (a number, an amount, a time): the text is the input's own, the value is what it means;
 * the text follows the value when the value changes from elsewhere.
 */
function ValueInput<T>({
  value,
  show,
  read,
  onChange,
  placeholder,
  type = 'text',
}: {
  value: T;
  show: (value: T) => string;
  read: (text: string) => T;
  onChange: (value: T) => void;
  placeholder?: string;
  type?: 'text' | 'number' | 'digit';
}) {
  const [text, setText] = useState(() => show(value));
  useEffect(() => {
    if (!Object.is(read(text), value)) setText(show(value));
    // Only a change of the value from elsewhere resets the text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <Input
      className="admin-form__input"
      type={type}
      value={text}
      placeholder={placeholder}
      onInput={(event) => {
        setText(event.detail.value);
        onChange(read(event.detail.value));
      }}
    />
  );
}

const showNumber = (value: number) => (Number.isFinite(value) ? String(value) : '');

function NumberInput({ value, onChange, placeholder }: { value: number; onChange: (value: number) => void; placeholder?: string }) {
  return <ValueInput type="digit" value={value} show={showNumber} read={numberOf} onChange={onChange} placeholder={placeholder} />;
}

/** Empty means none (no cap, no limit). */
function OptionalNumber({
  value,
  onChange,
  placeholder,
}: {
  value: number | null;
  onChange: (value: number | null) => void;
  placeholder: string;
}) {
  return (
    <ValueInput
      type="digit"
      value={value}
      show={(shown) => (shown === null ? '' : showNumber(shown))}
      read={(text) => (text.trim() === '' ? null : numberOf(text))}
      onChange={onChange}
      placeholder={placeholder}
    />
  );
}

function YuanInput({ value, onChange, placeholder }: { value: number; onChange: (value: number) => void; placeholder?: string }) {
  return <ValueInput type="digit" value={value} show={yuanText} read={fenOfYuan} onChange={onChange} placeholder={placeholder} />;
}

/** One tap target that is on or off. */
function Toggle({ on, label, onChange }: { on: boolean; label: string; onChange: (on: boolean) => void }) {
  return (
    <View
      className={`admin-chips__chip${on ? ' admin-chips__chip--on' : ''}`}
      role="switch"
      aria-checked={on}
      onClick={() => onChange(!on)}
    >
      <Text>{label}</Text>
    </View>
  );
}

/** One tap target per choice, ticked when chosen. */
function Choices<K extends string>({
  all,
  chosen,
  label,
  onToggle,
}: {
  all: readonly K[];
  chosen: readonly K[];
  label: (key: K) => string;
  onToggle: (key: K) => void;
}) {
  return (
    <View className="admin-chips admin-kinds">
      {all.map((key) => (
        <View
          key={key}
          className={`admin-chips__chip${chosen.includes(key) ? ' admin-chips__chip--on' : ''}`}
          role="checkbox"
          aria-checked={chosen.includes(key)}
          onClick={() => onToggle(key)}
        >
          <Text>{label(key)}</Text>
        </View>
      ))}
    </View>
  );
}

function KindChecks({ kinds, onChange }: { kinds: readonly OrgKind[]; onChange: (kinds: OrgKind[]) => void }) {
  return (
    <Choices all={orgKinds} chosen={kinds} label={(kind) => orgKindLabels[kind]} onToggle={(kind) => onChange(toggledKind(kinds, kind))} />
  );
}

/** Row tools: move up, move down, remove (each shown only where it does something). */
function RowTools({ name, onMove, onRemove }: { name: string; onMove?: (delta: -1 | 1) => void; onRemove: () => void }) {
  return (
    <View className="admin-claim__actions">
      {onMove ? (
        <>
          <Button size="small" fill="outline" aria-label={`上移${name}`} onClick={() => onMove(-1)}>
            上移
          </Button>
          <Button size="small" fill="outline" aria-label={`下移${name}`} onClick={() => onMove(1)}>
            下移
          </Button>
        </>
      ) : null}
      <Button size="small" fill="outline" type="danger" aria-label={`删除${name}`} onClick={onRemove}>
        删除
      </Button>
    </View>
  );
}

type Patch = (change: (draft: ProgramDraft) => ProgramDraft) => void;

function replaced<T>(rows: readonly T[], index: number, change: Partial<T>): T[] {
  return rows.map((row, at) => (at === index ? { ...row, ...change } : row));
}

/** A date the programme sets inside its period, with the reason beside it when it falls outside. */
function PeriodTime({
  draft,
  label,
  name,
  value,
  empty,
  onChange,
}: {
  draft: ProgramDraft;
  label: string;
  name: string;
  value: string | null;
  empty: string;
  onChange: (value: string | null) => void;
}) {
  const field = periodField(draft, name, value);
  return (
    <Field label={label} hint={field.issue ?? undefined}>
      <DateTimeField
        name={name}
        value={value}
        start={field.start}
        end={field.end}
        empty={empty}
        onChange={onChange}
        onClear={() => onChange(null)}
      />
    </Field>
  );
}

function StagesSection({ draft, patch }: { draft: ProgramDraft; patch: Patch }) {
  const { stages } = draft;
  const set = (change: Partial<ProgramDraft['stages']>) => patch((d) => ({ ...d, stages: { ...d.stages, ...change } }));
  const categoryKeys = draft.categories.map((category) => category.key);
  return (
    <Section title="流程环节" extra="按项目文件设定">
      <View className="admin-chips">
        <Toggle on={stages.expertReview} label="专家评审" onChange={(expertReview) => set({ expertReview })} />
        <Toggle
          on={stages.shortlistNotice !== null}
          label="拟立项公示"
          onChange={(on) => set({ shortlistNotice: on ? { workingDays: 5 } : null })}
        />
        <Toggle on={stages.agreement} label="签订实施协议" onChange={(agreement) => set({ agreement })} />
        <Toggle
          on={stages.midterm !== null}
          label="中期检查"
          onChange={(on) => set({ midterm: on ? { categories: [], dueAt: null } : null })}
        />
        <Toggle
          on={stages.resultNotice !== null}
          label="考核结果公示"
          onChange={(on) => set({ resultNotice: on ? { workingDays: 5 } : null })}
        />
        <Toggle on={stages.rectification !== null} label="限期整改" onChange={(on) => set({ rectification: on ? { months: 1 } : null })} />
      </View>
      {stages.shortlistNotice ? (
        <Field label="拟立项公示（工作日）" hint="节假日不计，调休上班日计入；不能少于项目文件规定的天数">
          <NumberInput value={stages.shortlistNotice.workingDays} onChange={(workingDays) => set({ shortlistNotice: { workingDays } })} />
        </Field>
      ) : null}
      {stages.resultNotice ? (
        <Field label="考核结果公示（工作日）">
          <NumberInput value={stages.resultNotice.workingDays} onChange={(workingDays) => set({ resultNotice: { workingDays } })} />
        </Field>
      ) : null}
      <Field label="立项后拨付比例（%）" hint="其余在考核验收后拨付；0 为全部验收后拨付">
        <NumberInput value={stages.advancePercent} onChange={(advancePercent) => set({ advancePercent })} />
      </Field>
      {stages.midterm ? (
        <>
          <Field label="中期检查的类别（都不选为全部类别）">
            <Choices
              all={categoryKeys}
              chosen={stages.midterm.categories}
              label={(key) => draft.categories.find((category) => category.key === key)?.name || key}
              onToggle={(key) =>
                set({ midterm: { ...stages.midterm!, categories: toggledKey(stages.midterm!.categories, key, categoryKeys) } })
              }
            />
          </Field>
          <PeriodTime
            draft={draft}
            label="中期报告截止（可空）"
            name="中期报告截止时间"
            value={stages.midterm.dueAt}
            empty="未设置"
            onChange={(dueAt) => set({ midterm: { ...stages.midterm!, dueAt } })}
          />
        </>
      ) : null}
      {stages.rectification ? (
        <Field label="整改期限（月）">
          <NumberInput value={stages.rectification.months} onChange={(months) => set({ rectification: { months } })} />
        </Field>
      ) : null}
      <Field label="考核未通过的处理" hint={`申报单位看到：${failureText(stages.failure)}`}>
        <View className="admin-chips">
          <Toggle
            on={stages.failure.refund}
            label="退还已拨付经费"
            onChange={(refund) => set({ failure: { ...stages.failure, refund } })}
          />
          <Toggle
            on={stages.failure.withdrawFunding}
            label="取消经费奖补资助"
            onChange={(withdrawFunding) => set({ failure: { ...stages.failure, withdrawFunding } })}
          />
          <Toggle
            on={stages.failure.barNextCall}
            label="取消下一年度申报资格"
            onChange={(barNextCall) => set({ failure: { ...stages.failure, barNextCall } })}
          />
        </View>
      </Field>
    </Section>
  );
}

function CategoriesSection({ draft, patch }: { draft: ProgramDraft; patch: Patch }) {
  const change = (index: number, part: Partial<ProgramDraft['categories'][number]>) =>
    patch((d) => ({ ...d, categories: replaced(d.categories, index, part) }));
  return (
    <Section title="类别、名额与金额" extra={`${draft.categories.length} 个类别`}>
      {draft.categories.map((category, index) => (
        <View className="admin-subsection" key={category.key}>
          <Field label="类别名称">
            <TextInput value={category.name} placeholder="类别名称" onChange={(name) => change(index, { name })} />
          </Field>
          <Field label="分组（可空）">
            <TextInput value={category.group} placeholder="如：服务专项" onChange={(group) => change(index, { group })} />
          </Field>
          <Field label="类别说明">
            <LongText
              value={category.description}
              max={500}
              placeholder="类别说明，申报单位可见"
              onChange={(description) => change(index, { description })}
            />
          </Field>
          <View className="admin-field-row">
            <Field label="名额下限">
              <NumberInput value={category.quotaMin} onChange={(quotaMin) => change(index, { quotaMin })} />
            </Field>
            <Field label="名额上限">
              <OptionalNumber value={category.quotaMax} placeholder="不限" onChange={(quotaMax) => change(index, { quotaMax })} />
            </Field>
            <Field label="单项金额（元）">
              <YuanInput
                value={category.awardAmountFen}
                placeholder="单项金额"
                onChange={(awardAmountFen) => change(index, { awardAmountFen })}
              />
            </Field>
          </View>
          <Field label="本类别申报单位类型">
            <KindChecks kinds={category.applicantKinds} onChange={(applicantKinds) => change(index, { applicantKinds })} />
          </Field>
          <View className="admin-field-row">
            <Field label="每单位限报">
              <OptionalNumber value={category.maxPerOrg} placeholder="不限" onChange={(maxPerOrg) => change(index, { maxPerOrg })} />
            </Field>
            <Field label="服务点">
              <Toggle
                on={category.servicePointRequired}
                label="须填服务点"
                onChange={(servicePointRequired) => change(index, { servicePointRequired })}
              />
            </Field>
          </View>
          <Field label="本类别截止（可空）">
            <DateTimeField
              name={`类别${category.name}截止`}
              value={category.deadline}
              empty="按项目截止时间"
              onChange={(deadline) => change(index, { deadline })}
              onClear={() => change(index, { deadline: null })}
            />
          </Field>
          <RowTools name={`类别${category.name}`} onRemove={() => patch((d) => ({ ...d, categories: without(d.categories, index) }))} />
        </View>
      ))}
      <Button size="small" fill="outline" onClick={() => patch((d) => ({ ...d, categories: [...d.categories, newCategory(d)] }))}>
        新增类别
      </Button>
      <Text className="admin-field__hint">已有申报的类别不能删除</Text>
    </Section>
  );
}

function RuleParameters({ rule, onChange }: { rule: EligibilityRule; onChange: (rule: EligibilityRule) => void }) {
  if (rule.kind === 'minRating') {
    return (
      <Choices
        all={ratings}
        chosen={[rule.rating]}
        label={(rating) => `${rating}及以上`}
        onToggle={(rating) => onChange({ ...rule, rating })}
      />
    );
  }
  if (rule.kind === 'noSanctionWithin') {
    return (
      <>
        <Choices
          all={sanctionKinds}
          chosen={[rule.sanction]}
          label={(kind) => sanctionKindLabels[kind]}
          onToggle={(sanction) => onChange({ ...rule, sanction })}
        />
        <Field label="年限（年）">
          <NumberInput value={rule.years} onChange={(years) => onChange({ ...rule, years })} />
        </Field>
      </>
    );
  }
  return null;
}

function EligibilitySection({ draft, patch }: { draft: ProgramDraft; patch: Patch }) {
  const categoryKeys = draft.categories.map((category) => category.key);
  const nameOf = (key: string) => draft.categories.find((category) => category.key === key)?.name || key;
  const setRule = (index: number, rule: EligibilityRule) =>
    patch((d) => ({ ...d, eligibility: d.eligibility.map((r, at) => (at === index ? rule : r)) }));
  return (
    <>
      <Section title="申报条件" extra={`${draft.eligibility.length} 条`}>
        {draft.eligibility.map((rule, index) => (
          <View className="admin-subsection" key={`${rule.kind}-${index}`}>
            <Text className="admin-profile__line">{`${index + 1}. ${describeRule(rule, draft.categories)}`}</Text>
            <RuleParameters rule={rule} onChange={(next) => setRule(index, next)} />
            <Field label="适用类别（都不选为全部）">
              <Choices
                all={categoryKeys}
                chosen={rule.categories}
                label={nameOf}
                onToggle={(key) => setRule(index, { ...rule, categories: toggledKey(rule.categories, key, categoryKeys) })}
              />
            </Field>
            <RowTools name={`条件${index + 1}`} onRemove={() => patch((d) => ({ ...d, eligibility: without(d.eligibility, index) }))} />
          </View>
        ))}
        <Field label="新增条件">
          <View className="admin-chips">
            {(Object.keys(ruleKindLabels) as EligibilityRule['kind'][]).map((kind) => (
              <View
                key={kind}
                className="admin-chips__chip"
                onClick={() => patch((d) => ({ ...d, eligibility: [...d.eligibility, newRule(kind)] }))}
              >
                <Text>{`+ ${ruleKindLabels[kind]}`}</Text>
              </View>
            ))}
          </View>
        </Field>
      </Section>
      <Section title="限项（互不兼报）" extra={`${draft.mutuallyExclusive.length} 组`}>
        {draft.mutuallyExclusive.map((group, index) => (
          <View className="admin-subsection" key={index}>
            <Choices
              all={categoryKeys}
              chosen={group}
              label={nameOf}
              onToggle={(key) =>
                patch((d) => ({
                  ...d,
                  mutuallyExclusive: d.mutuallyExclusive.map((g, at) => (at === index ? toggledKey(g, key, categoryKeys) : g)),
                }))
              }
            />
            <RowTools
              name={`限项${index + 1}`}
              onRemove={() => patch((d) => ({ ...d, mutuallyExclusive: without(d.mutuallyExclusive, index) }))}
            />
          </View>
        ))}
        <Button size="small" fill="outline" onClick={() => patch((d) => ({ ...d, mutuallyExclusive: [...d.mutuallyExclusive, []] }))}>
          新增一组互不兼报的类别
        </Button>
      </Section>
    </>
  );
}

function FormSection({ draft, patch }: { draft: ProgramDraft; patch: Patch }) {
  const { form } = draft;
  const setForm = (change: Partial<ProgramDraft['form']>) => patch((d) => ({ ...d, form: { ...d.form, ...change } }));
  const setSection = (index: number, change: Partial<ProgramDraft['form']['sections'][number]>) =>
    patch((d) => ({ ...d, form: { ...d.form, sections: replaced(d.form.sections, index, change) } }));
  const setAttachment = (index: number, change: Partial<ProgramDraft['form']['attachments'][number]>) =>
    patch((d) => ({ ...d, form: { ...d.form, attachments: replaced(d.form.attachments, index, change) } }));
  return (
    <>
      <Section title="申报书栏目" extra={`${form.sections.length} 栏`}>
        <View className="admin-field-row">
          <Field label="项目名称字数上限">
            <NumberInput value={form.projectNameMaxChars} onChange={(projectNameMaxChars) => setForm({ projectNameMaxChars })} />
          </Field>
          <Field label="预算最多行数">
            <NumberInput value={form.budget.maxLines} onChange={(maxLines) => setForm({ budget: { ...form.budget, maxLines } })} />
          </Field>
        </View>
        {form.sections.map((section, index) => (
          <View className="admin-subsection" key={section.key}>
            <Field label="栏目标题">
              <TextInput value={section.title} placeholder="栏目标题" onChange={(title) => setSection(index, { title })} />
            </Field>
            <Field label="填写提示">
              <LongText
                value={section.hint}
                max={300}
                placeholder="填写提示，申报单位可见"
                onChange={(hint) => setSection(index, { hint })}
              />
            </Field>
            <View className="admin-field-row">
              <Field label="字数上限">
                <NumberInput value={section.maxChars} onChange={(maxChars) => setSection(index, { maxChars })} />
              </Field>
              <Field label="必填">
                <Toggle on={section.required} label="必填" onChange={(required) => setSection(index, { required })} />
              </Field>
            </View>
            <RowTools
              name={`栏目${section.title}`}
              onMove={(delta) => patch((d) => ({ ...d, form: { ...d.form, sections: moved(d.form.sections, index, delta) } }))}
              onRemove={() => patch((d) => ({ ...d, form: { ...d.form, sections: without(d.form.sections, index) } }))}
            />
          </View>
        ))}
        <Button
          size="small"
          fill="outline"
          onClick={() => patch((d) => ({ ...d, form: { ...d.form, sections: [...d.form.sections, newSection(d)] } }))}
        >
          新增栏目
        </Button>
      </Section>
      <Section title="附件" extra={`${form.attachments.length} 项`}>
        {form.attachments.map((attachment, index) => (
          <View className="admin-subsection" key={attachment.key}>
            <Field label="附件名称">
              <TextInput value={attachment.name} onChange={(name) => setAttachment(index, { name })} />
            </Field>
            <Toggle on={attachment.required} label="必交" onChange={(required) => setAttachment(index, { required })} />
            <RowTools
              name={`附件${attachment.name}`}
              onRemove={() => patch((d) => ({ ...d, form: { ...d.form, attachments: without(d.form.attachments, index) } }))}
            />
          </View>
        ))}
        <Button
          size="small"
          fill="outline"
          onClick={() => patch((d) => ({ ...d, form: { ...d.form, attachments: [...d.form.attachments, newAttachment(d)] } }))}
        >
          新增附件
        </Button>
      </Section>
      <Section title="承诺书">
        <Toggle
          on={form.commitment !== null}
          label="申报单位须签署承诺"
          onChange={(on) => setForm({ commitment: on ? { text: '本单位承诺所填内容真实有效。' } : null })}
        />
        {form.commitment ? (
          <Field label="承诺书文字">
            <LongText value={form.commitment.text} max={500} onChange={(text) => setForm({ commitment: { text } })} />
          </Field>
        ) : null}
      </Section>
    </>
  );
}

function ReviewSection({ draft, patch }: { draft: ProgramDraft; patch: Patch }) {
  const set = (index: number, change: Partial<ProgramDraft['reviewCriteria'][number]>) =>
    patch((d) => ({ ...d, reviewCriteria: replaced(d.reviewCriteria, index, change) }));
  return (
    <Section title="评审指标与权重" extra={`权重合计 ${weightTotal(draft)}`}>
      {draft.reviewCriteria.map((criterion, index) => (
        <View className="admin-subsection" key={criterion.key}>
          <Field label="指标名称">
            <TextInput value={criterion.name} placeholder="评审指标名称" onChange={(name) => set(index, { name })} />
          </Field>
          <View className="admin-field-row">
            <Field label="权重（%）">
              <NumberInput value={criterion.weight} placeholder="权重" onChange={(weight) => set(index, { weight })} />
            </Field>
            <Field label="满分">
              <NumberInput value={criterion.maxScore} onChange={(maxScore) => set(index, { maxScore })} />
            </Field>
          </View>
          <RowTools
            name={`评审指标${criterion.name}`}
            onRemove={() => patch((d) => ({ ...d, reviewCriteria: without(d.reviewCriteria, index) }))}
          />
        </View>
      ))}
      <Button size="small" fill="outline" onClick={() => patch((d) => ({ ...d, reviewCriteria: [...d.reviewCriteria, newCriterion(d)] }))}>
        新增评审指标
      </Button>
    </Section>
  );
}

function IndicatorSection({ draft, patch, program }: { draft: ProgramDraft; patch: Patch; program: ProgramView }) {
  const set = (index: number, change: Partial<ProgramDraft['indicators'][number]>) =>
    patch((d) => ({ ...d, indicators: replaced(d.indicators, index, change) }));
  return (
    <Section title="绩效指标" extra={`${draft.indicators.length} 项`}>
      {draft.indicators.map((indicator, index) => {
        const upstream = program.indicators.find((stored) => stored.key === indicator.key)?.upstream;
        const unit =
          indicator.kind === 'percent' ? '%' : indicator.kind === 'yesno' ? '1=是' : indicator.kind === 'rank' ? '名以内' : indicator.unit;
        return (
          <View className="admin-subsection" key={indicator.key}>
            <Field label="指标名称">
              <TextInput value={indicator.name} onChange={(name) => set(index, { name })} />
            </Field>
            <Field
              label={`目标值（${unit}）`}
              hint={upstream ? `上级项目要求：${indicator.kind === 'rank' ? '前 ' : '至少 '}${upstream.minimum}` : undefined}
            >
              <NumberInput value={indicator.target} onChange={(target) => set(index, { target })} />
            </Field>
            <Field label="备注">
              <TextInput value={indicator.note} onChange={(note) => set(index, { note })} />
            </Field>
          </View>
        );
      })}
    </Section>
  );
}

function ProgramEditForm({
  program,
  onSaved,
  onPreview,
}: {
  program: ProgramView;
  onSaved: (program: ProgramView) => void;
  onPreview: () => void;
}) {
  const [draft, setDraft] = useState<ProgramDraft>(() => draftOf(program));
  const saving = useAction({ toast: showMessage });
  useEffect(() => setDraft(draftOf(program)), [program]);
  const result = editOf(program, draft);
  const issue = 'issue' in result ? result.issue : null;
  const patch: Patch = (change) => setDraft((current) => change(current));
  const set = (change: Partial<ProgramDraft>) => patch((current) => ({ ...current, ...change }));

  async function save() {
    if (!('edit' in result)) return;
    const saved = await saving.run(() => updateProgram({ programId: program._id, version: program.version, edit: result.edit }));
    if (!saved) return;
    showSuccess('已保存');
    onSaved(saved);
  }

  return (
    <View className="admin-page admin-page--with-bar">
      <Section title="基本信息" extra={program.draft ? '草稿' : undefined}>
        <Field label="项目名称">
          <TextInput value={draft.name} onChange={(name) => set({ name })} />
        </Field>
        {program.draft ? (
          <Field label="年度">
            <NumberInput value={draft.year} onChange={(year) => set({ year })} />
          </Field>
        ) : null}
        <Field label="项目简介">
          <LongText value={draft.summary} max={500} onChange={(summary) => set({ summary })} />
        </Field>
        <Field label="资金池（元）" hint={Number.isFinite(draft.poolFen) ? formatYuan(draft.poolFen) : undefined}>
          <YuanInput value={draft.poolFen} onChange={(poolFen) => set({ poolFen })} />
        </Field>
      </Section>
      <Section title="申报范围" extra="本单位所属的">
        <Field label="可以看到并申报本项目的单位类型" hint="各类别的申报单位类型须在此范围之内">
          <KindChecks
            kinds={draft.applicants.memberKinds}
            onChange={(memberKinds) => set({ applicants: { ...draft.applicants, memberKinds } })}
          />
        </Field>
        <Field label="范围名称（显示给申报单位）">
          <TextInput
            value={draft.applicants.label}
            placeholder="如：分支机构、会员单位"
            onChange={(label) => set({ applicants: { ...draft.applicants, label } })}
          />
        </Field>
      </Section>
      <Section title="时间安排" extra="北京时间">
        <Field label="申报开始">
          <DateTimeField name="申报开始" value={draft.opensAt} onChange={(opensAt) => set({ opensAt })} />
        </Field>
        <Field label="申报截止">
          <DateTimeField name="申报截止" value={draft.deadline} onChange={(deadline) => set({ deadline })} />
        </Field>
        <Field label="实施结束">
          <DateTimeField
            name="实施结束"
            value={draft.implementationEndsAt}
            onChange={(implementationEndsAt) => set({ implementationEndsAt })}
          />
        </Field>
        <Field label="结项报告截止">
          <DateTimeField name="结项报告截止" value={draft.finalReportDueAt} onChange={(finalReportDueAt) => set({ finalReportDueAt })} />
        </Field>
        {draft.stages.expertReview ? (
          <PeriodTime
            draft={draft}
            label="专家评审截止（可空，逾期不能再评分）"
            name="专家评审截止时间"
            value={draft.reviewDueAt ?? null}
            empty="未设置"
            onChange={(reviewDueAt) => set({ reviewDueAt })}
          />
        ) : null}
      </Section>
      <StagesSection draft={draft} patch={patch} />
      <CategoriesSection draft={draft} patch={patch} />
      <EligibilitySection draft={draft} patch={patch} />
      <FormSection draft={draft} patch={patch} />
      <ReviewSection draft={draft} patch={patch} />
      <IndicatorSection draft={draft} patch={patch} program={program} />
      <ActionBar note={saving.error ?? issue}>
        <View className="admin-bar__buttons">
          <Button
            className="admin-bar__button"
            fill="outline"
            // The preview shows the programme as saved: what an applicant would see if it were published now.
            onClick={() => (JSON.stringify(draft) === JSON.stringify(draftOf(program)) ? onPreview() : showMessage('请先保存设置再预览'))}
          >
            预览
          </Button>
          <Button className="admin-bar__button" type="primary" disabled={issue !== null} loading={saving.busy} onClick={() => void save()}>
            保存设置
          </Button>
        </View>
      </ActionBar>
    </View>
  );
}

/** The programme as an applicant will see it, with the publish step for a draft. */
function ProgramPreview({
  program,
  onEdit,
  onPublished,
}: {
  program: ProgramView;
  onEdit: () => void;
  onPublished: (program: ProgramView) => void;
}) {
  const publishing = useAction({ toast: showMessage });
  const blocked = program.draft ? publishIssue(program, new Date(program.serverNow)) : null;
  async function publish() {
    const published = await publishing.run(() => publishProgram({ programId: program._id, version: program.version }));
    if (!published) return;
    showSuccess('已发布');
    onPublished(published);
  }
  const groups = program.categories;
  return (
    <View className="admin-page admin-page--with-bar">
      <Section title={program.name} extra={program.draft ? <Tag type="warning">草稿 · 预览</Tag> : <Tag type="success">已发布</Tag>}>
        <Text className="admin-claim__text">{program.summary}</Text>
        <Text className="admin-profile__line">{`申报时间：${formatShanghaiDateTime(program.opensAt)} 至 ${formatShanghaiDateTime(program.deadline)}`}</Text>
        <Text className="admin-profile__line">{`申报范围：${program.applicants.label}`}</Text>
      </Section>
      <Section title="申报类别" extra={`${groups.length} 个`}>
        {groups.map((category) => (
          <View className="admin-subsection" key={category.key}>
            <Text className="admin-assign__title">{category.group ? `${category.group} · ${category.name}` : category.name}</Text>
            {category.description ? <Text className="admin-claim__text">{category.description}</Text> : null}
            <Text className="admin-list__sub">
              {`每项 ${formatYuan(category.awardAmountFen)} · 名额 ${category.quotaMax ?? '不限'}${category.maxPerOrg ? ` · 每单位限报 ${category.maxPerOrg} 项` : ''}${
                category.deadline ? ` · 截止 ${formatShanghaiDateTime(category.deadline)}` : ''
              }`}
            </Text>
          </View>
        ))}
      </Section>
      <Section title="申报条件">
        {program.eligibility.length === 0 ? <Text className="admin-muted">无其他条件</Text> : null}
        {program.eligibility.map((rule, index) => (
          <Text key={index} className="admin-profile__line">{`${index + 1}. ${describeRule(rule, program.categories)}`}</Text>
        ))}
      </Section>
      <Section title="申报书">
        {program.form.sections.map((section, index) => (
          <View className="admin-subsection" key={section.key}>
            <Text className="admin-assign__title">{`${index + 1}. ${section.title}${section.required ? '' : '（选填）'}`}</Text>
            {section.hint ? <Text className="admin-claim__text">{section.hint}</Text> : null}
            <Text className="admin-list__sub">{`不超过 ${section.maxChars} 字`}</Text>
          </View>
        ))}
        {program.form.attachments.length > 0 ? (
          <Text className="admin-profile__line">{`附件：${program.form.attachments.map((a) => `${a.name}${a.required ? '（必交）' : ''}`).join('、')}`}</Text>
        ) : null}
        {program.form.commitment ? <Text className="admin-claim__text">{`承诺：${program.form.commitment.text}`}</Text> : null}
      </Section>
      <Section title="流程">
        {stageTimeline(program).map((step, index) => (
          <Text
            key={step.name}
            className="admin-profile__line"
          >{`${index + 1}. ${step.name}${step.detail ? `：${step.detail}` : ''}`}</Text>
        ))}
      </Section>
      <ActionBar note={blocked}>
        <View className="admin-bar__buttons">
          <Button className="admin-bar__button" fill="outline" onClick={onEdit}>
            返回修改
          </Button>
          {program.draft ? (
            <Button
              className="admin-bar__button"
              type="primary"
              disabled={blocked !== null}
              loading={publishing.busy}
              onClick={() => void publish()}
            >
              发布
            </Button>
          ) : null}
        </View>
      </ActionBar>
    </View>
  );
}

export function ProgramEditScreen({ programId, preview = false }: { programId: string; preview?: boolean }) {
  const remote = useRemote(() => getProgram({ programId }), [programId]);
  const [saved, setSaved] = useState<ProgramView | null>(null);
  const [previewing, setPreviewing] = useState(preview);
  if (!programId) return <PageState loading={false} error="缺少项目编号，请从项目设置进入" />;
  const program = saved ?? remote.data;
  if (!program) return <PageState loading={remote.loading} error={remote.error} onRetry={() => void remote.reload()} />;
  return previewing ? (
    <ProgramPreview program={program} onEdit={() => setPreviewing(false)} onPublished={setSaved} />
  ) : (
    <ProgramEditForm program={program} onSaved={setSaved} onPreview={() => setPreviewing(true)} />
  );
}
