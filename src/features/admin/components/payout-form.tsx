// Money on an award: the payment after acceptance (登记奖补发放), after 立项 (经费拨付) and a refund (退还经费) —
// the amount in yuan (sent in fen) starting at what is due, the day picked, the voucher number; and each as recorded.
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { amountDueFen, type MoneyAction } from '@/core/award/amounts-due';
import { formatYuan, parseYuan } from '@/core/money';
import type { ApplicationView, ProgramView } from '@/core/schemas/actions';
import type { Payout } from '@/core/schemas/documents';
import { confirm } from '@/lib/feedback';
import { useAction } from '@/features/common/use-action';
import { yuanField } from '../award-records';
import { chineseDay, shanghaiDayOf } from '../dates';
import { payApplication } from '../api/awards';
import { settle } from '../hooks/use-decision';
import { DayField, RecordForm, TextField } from './form-fields';
import { Section } from '@/components/section';

type MoneyInput = Pick<Payout, 'amountFen' | 'paidOn' | 'voucherNo'>;

/** What each money form is called and asks. */
const moneyForms: Record<MoneyAction, { title: string; recorded: string; amount: string; day: string; button: string }> = {
  disburse: { title: '登记经费拨付（立项后）', recorded: '经费拨付（立项后）', amount: '拨付金额', day: '拨付日期', button: '登记拨付' },
  pay: { title: '登记奖补发放', recorded: '奖补发放', amount: '发放金额', day: '发放日期', button: '登记发放' },
  recordRefund: { title: '登记退还经费', recorded: '退还经费', amount: '退还金额', day: '退还日期', button: '登记退还' },
};

/** A payment or refund as recorded. */
export function PayoutRecord({ action, payout }: { action: MoneyAction; payout: Payout }) {
  const texts = moneyForms[action];
  return (
    <Section title={texts.recorded}>
      <View className="admin-facts">
        <Text className="admin-facts__label">{texts.amount}</Text>
        <Text className="admin-facts__value">{formatYuan(payout.amountFen)}</Text>
        <Text className="admin-facts__label">{texts.day}</Text>
        <Text className="admin-facts__value">{chineseDay(payout.paidOn)}</Text>
        <Text className="admin-facts__label">凭证号</Text>
        <Text className="admin-facts__value">{payout.voucherNo}</Text>
      </View>
    </Section>
  );
}

interface MoneyFormProps {
  action: MoneyAction;
  application: ApplicationView;
  program: ProgramView;
  onSubmit: (money: MoneyInput) => Promise<unknown>;
}

export function MoneyForm({ action, application, program, onSubmit }: MoneyFormProps) {
  const texts = moneyForms[action];
  const dueFen = amountDueFen(action, application, program.stages);
  const today = shanghaiDayOf(program.serverNow);
  const [amount, setAmount] = useState(yuanField(dueFen));
  const [paidOn, setPaidOn] = useState(today);
  const [voucherNo, setVoucherNo] = useState('');
  const saving = useAction();
  const amountFen = parseYuan(amount);
  const issue =
    amountFen === null || amountFen <= 0
      ? `请填写${texts.amount}（元）`
      : dueFen !== null && amountFen > dueFen
        ? `${texts.amount}不能超过应付金额 ${formatYuan(dueFen)}`
        : !voucherNo.trim()
          ? '请填写凭证号'
          : null;

  async function save() {
    if (issue || amountFen === null) return;
    const ok = await confirm(
      `${texts.button}？`,
      `${application.orgName}：${formatYuan(amountFen)}，${chineseDay(paidOn)}，凭证号 ${voucherNo.trim()}`,
      '登记',
    );
    if (!ok) return;
    // On a refusal settle showed the message; the form keeps what was typed.
    await saving.run(() => onSubmit({ amountFen, paidOn, voucherNo: voucherNo.trim() }));
  }

  return (
    <RecordForm
      title={texts.title}
      extra={dueFen !== null ? `应付 ${formatYuan(dueFen)}` : undefined}
      issue={issue}
      saving={saving.busy}
      button={texts.button}
      onSave={() => void save()}
    >
      <TextField label={`${texts.amount}（元）`} type="digit" value={amount} maxlength={12} placeholder="如 3000" onChange={setAmount} />
      <DayField label={texts.day} value={paidOn} end={today} onChange={setPaidOn} />
      <TextField label="凭证号" value={voucherNo} maxlength={40} placeholder="财务凭证号" onChange={setVoucherNo} />
    </RecordForm>
  );
}

/** The payment after acceptance: the balance of the award. */
export function PayoutForm({
  application,
  program,
  onPaid,
}: {
  application: ApplicationView;
  program: ProgramView;
  onPaid: () => unknown;
}) {
  return (
    <MoneyForm
      action="pay"
      application={application}
      program={program}
      onSubmit={(payout) =>
        settle(() => payApplication({ applicationId: application._id, version: application.version, payout }), '已登记发放', onPaid)
      }
    />
  );
}
