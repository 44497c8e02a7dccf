// What the secretariat records on an award beyond its decisions (application.record): the signed agreement, the
// payment after 立项, the refund after failing and an extension of the report now due — one form for each record
// action the server offers now (availableActions), and the records themselves once made.
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { formatShanghaiDateTime } from '@/core/calendar/shanghai';
import type { ApplicationView, ProgramView, RecordAction, RecordInput } from '@/core/schemas/actions';
import { actionTable } from '@/core/workflow/award-workflow';
import { reportDueAt } from '@/core/workflow/transition';
import { confirm } from '@/lib/feedback';
import { useAction } from '@/features/common/use-action';
import { deadlineOf, extensionStart } from '../award-records';
import { chineseDay, shanghaiDayOf } from '../dates';
import { recordOnApplication } from '../api/awards';
import { settle } from '../hooks/use-decision';
import { DayField, RecordForm, TextField, TimeField } from './form-fields';
import { MoneyForm, PayoutRecord } from './payout-form';
import { Section } from '@/components/section';

interface RecordFormProps {
  application: ApplicationView;
  program: ProgramView;
  save: (record: RecordInput) => Promise<unknown>;
}

/** Runs a save from a form's button: asks first, keeps what was entered when the server refuses. */
function useSaving() {
  const action = useAction();
  async function run(title: string, body: string, work: () => Promise<unknown>) {
    if (!(await confirm(title, body, '确定'))) return;
    // On a refusal settle showed the message; the form keeps what was entered.
    await action.run(work);
  }
  return { saving: action.busy, run };
}

function AgreementForm({ application, program, save }: RecordFormProps) {
  const today = shanghaiDayOf(program.serverNow);
  const [signedOn, setSignedOn] = useState(today);
  const [reference, setReference] = useState('');
  const { saving, run } = useSaving();
  const issue = reference.trim() ? null : '请填写协议编号';
  const agreement = { signedOn, reference: reference.trim() };
  return (
    <RecordForm
      title={actionTable.recordAgreement.label}
      issue={issue}
      saving={saving}
      button="登记协议"
      onSave={() =>
        void run('登记实施协议？', `${application.orgName}：${agreement.reference}，${chineseDay(signedOn)}签订`, () =>
          save({ action: 'recordAgreement', agreement }),
        )
      }
    >
      <DayField label="签订日期" value={signedOn} end={today} onChange={setSignedOn} />
      <TextField label="协议编号" value={reference} maxlength={60} placeholder="如：川土建协〔2023〕12号" onChange={setReference} />
    </RecordForm>
  );
}

function ExtensionForm({ application, program, save }: RecordFormProps) {
  const dueAt = reportDueAt(application, program);
  const start = extensionStart(application.extension?.until ?? dueAt, program.serverNow);
  const [day, setDay] = useState(start.day);
  const [time, setTime] = useState(start.time);
  const [reason, setReason] = useState('');
  const { saving, run } = useSaving();
  const until = deadlineOf(day, time);
  const issue = reason.trim() ? null : '请填写延期理由';
  return (
    <RecordForm
      title={actionTable.extendDue.label}
      issue={issue}
      saving={saving}
      button="批准延期"
      onSave={() =>
        void run('批准延期？', `报告截止时间延至 ${formatShanghaiDateTime(until)}。`, () =>
          save({ action: 'extendDue', until, reason: reason.trim() }),
        )
      }
    >
      <Text className="admin-form__note">
        {dueAt ? `当前期限 ${formatShanghaiDateTime(dueAt)}` : '当前报告无截止时间'}
        {application.extension ? `，已延期至 ${formatShanghaiDateTime(application.extension.until)}` : ''}
      </Text>
      <DayField label="延期至" value={day} start={shanghaiDayOf(program.serverNow)} onChange={setDay} />
      <TimeField label="截止时刻" value={time} onChange={setTime} />
      <TextField
        label="延期理由（申报单位可见）"
        value={reason}
        maxlength={500}
        placeholder="如：受疫情影响，活动顺延"
        onChange={setReason}
      />
    </RecordForm>
  );
}

function DisburseForm({ application, program, save }: RecordFormProps) {
  return (
    <MoneyForm action="disburse" application={application} program={program} onSubmit={(payout) => save({ action: 'disburse', payout })} />
  );
}

function RefundForm({ application, program, save }: RecordFormProps) {
  return (
    <MoneyForm
      action="recordRefund"
      application={application}
      program={program}
      onSubmit={(refund) => save({ action: 'recordRefund', refund })}
    />
  );
}

/** Each record action's form; the key set is the contract's, so a new record action needs its form here. */
const recordForms: Record<RecordAction, (props: RecordFormProps) => JSX.Element> = {
  recordAgreement: AgreementForm,
  disburse: DisburseForm,
  recordRefund: RefundForm,
  extendDue: ExtensionForm,
};

/** The forms of the record actions open now. */
export function RecordForms({
  application,
  program,
  onSaved,
}: {
  application: ApplicationView;
  program: ProgramView;
  onSaved: () => unknown;
}) {
  const open = (Object.keys(recordForms) as RecordAction[]).filter((action) => application.availableActions.includes(action));
  const save = (record: RecordInput) =>
    settle(() => recordOnApplication({ applicationId: application._id, version: application.version, record }), '已登记', onSaved);
  return (
    <>
      {open.map((action) => {
        const Form = recordForms[action];
        return <Form key={`${action}-${application.version}`} application={application} program={program} save={save} />;
      })}
    </>
  );
}

/** What was recorded on the award: the agreement, payments, a refund, what failing meant, an extension. */
export function AwardRecords({ application }: { application: ApplicationView }) {
  const { agreement, advance, payout, refund, failure, extension } = application;
  return (
    <>
      {agreement ? (
        <Section title="实施协议">
          <View className="admin-facts">
            <Text className="admin-facts__label">协议编号</Text>
            <Text className="admin-facts__value">{agreement.reference}</Text>
            <Text className="admin-facts__label">签订日期</Text>
            <Text className="admin-facts__value">{chineseDay(agreement.signedOn)}</Text>
          </View>
        </Section>
      ) : null}
      {advance ? <PayoutRecord action="disburse" payout={advance} /> : null}
      {payout ? <PayoutRecord action="pay" payout={payout} /> : null}
      {failure ? (
        <Section title="验收不合格的处理">
          <Text className="admin-row__reason admin-row__reason--wrap">{failure.text}</Text>
        </Section>
      ) : null}
      {refund ? <PayoutRecord action="recordRefund" payout={refund} /> : null}
      {extension ? (
        <Section title="延期">
          <View className="admin-facts">
            <Text className="admin-facts__label">延期至</Text>
            <Text className="admin-facts__value">{formatShanghaiDateTime(extension.until)}</Text>
            <Text className="admin-facts__label">理由</Text>
            <Text className="admin-facts__value">{extension.reason}</Text>
          </View>
        </Section>
      ) : null}
    </>
  );
}
