// 登记奖补发放: the amount in yuan (sent in fen), the day paid and the voucher number.
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { formatFen, formatYuan, parseYuan } from '@/core/money';
import type { ApplicationView } from '@/core/schemas/actions';
import type { Payout } from '@/core/schemas/documents';
import { call } from '@/lib/api';
import { confirm } from '@/lib/feedback';
import { shanghaiDayOf } from '../dates';
import { settle } from '../hooks/use-decision';
import { Section } from './section';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function PayoutRecord({ payout }: { payout: Payout }) {
  return (
    <Section title="奖补发放">
      <View className="admin-facts">
        <Text className="admin-facts__label">发放金额</Text>
        <Text className="admin-facts__value">{formatYuan(payout.amountFen)}</Text>
        <Text className="admin-facts__label">发放日期</Text>
        <Text className="admin-facts__value">{payout.paidOn}</Text>
        <Text className="admin-facts__label">凭证号</Text>
        <Text className="admin-facts__value">{payout.voucherNo}</Text>
      </View>
    </Section>
  );
}

export function PayoutForm({ application, today, onPaid }: { application: ApplicationView; today: string; onPaid: () => unknown }) {
  const [amount, setAmount] = useState(application.awardFen !== null ? formatFen(application.awardFen).replace(/,/g, '') : '');
  const [paidOn, setPaidOn] = useState(shanghaiDayOf(today));
  const [voucherNo, setVoucherNo] = useState('');
  const [saving, setSaving] = useState(false);
  const amountFen = parseYuan(amount);
  const issue =
    amountFen === null || amountFen <= 0
      ? '请填写发放金额（元）'
      : !DAY.test(paidOn)
        ? '发放日期格式应为 YYYY-MM-DD'
        : !voucherNo.trim()
          ? '请填写凭证号'
          : null;

  async function save() {
    if (issue || amountFen === null) return;
    const differs = application.awardFen !== null && amountFen !== application.awardFen;
    const ok = await confirm(
      '登记奖补发放？',
      `${application.orgName}：${formatYuan(amountFen)}，${paidOn}，凭证号 ${voucherNo.trim()}${differs ? `（与立项金额 ${formatYuan(application.awardFen!)} 不同）` : ''}`,
      '登记',
    );
    if (!ok) return;
    setSaving(true);
    try {
      await settle(
        () =>
          call('application.pay', {
            applicationId: application._id,
            version: application.version,
            payout: { amountFen, paidOn, voucherNo: voucherNo.trim() },
          }),
        '已登记发放',
        onPaid,
      );
    } catch {
      // settle showed the message; the form keeps what was typed.
    } finally {
      setSaving(false);
    }
  }

  return (
    <Section title="登记奖补发放">
      <View className="admin-form">
        <Text className="admin-form__label">发放金额（元）</Text>
        <Input
          className="admin-form__input"
          type="digit"
          value={amount}
          onInput={(event) => setAmount(event.detail.value)}
          placeholder="如 3000"
        />
        <Text className="admin-form__label">发放日期</Text>
        <Input className="admin-form__input" value={paidOn} onInput={(event) => setPaidOn(event.detail.value)} placeholder="YYYY-MM-DD" />
        <Text className="admin-form__label">凭证号</Text>
        <Input
          className="admin-form__input"
          value={voucherNo}
          maxlength={40}
          onInput={(event) => setVoucherNo(event.detail.value)}
          placeholder="财务凭证号"
        />
        <Text className="admin-dialog__hint">{issue ?? ''}</Text>
        <Button type="primary" block disabled={issue !== null} loading={saving} onClick={() => void save()}>
          登记发放
        </Button>
      </View>
    </Section>
  );
}
