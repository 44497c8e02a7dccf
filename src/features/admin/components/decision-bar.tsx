// The clerk's buttons, exactly the actions the server offers; after a decision, the way to the next one.
import { Text, Textarea, View } from '@tarojs/components';
import { Button, Dialog } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { formatYuan } from '@/core/money';
import type { ApplicationView } from '@/core/schemas/actions';
import { actionTable } from '@/core/workflow/award-workflow';
import { back, replace } from '@/lib/navigation';
import { useDecision } from '../hooks/use-decision';

const REASON_MAX = 500;
/** Reasons clerks give most; a tap adds one, the clerk edits the rest. */
const commonReasons = ['实施方案过于简略，请补充具体活动安排', '经费预算依据不充分', '指标承诺与实施方案不一致'];

interface DecisionBarProps {
  application: ApplicationView;
  awardAmountFen: number;
  next: { id: string | null; remaining: number };
  onDecided: () => unknown;
  onNext: (applicationId: string) => void;
}

export function DecisionBar({ application, awardAmountFen, next, onDecided, onNext }: DecisionBarProps) {
  const { deciding, decide } = useDecision(application, onDecided);
  const [dialog, setDialog] = useState<'approve' | 'return' | null>(null);
  const [reason, setReason] = useState('');
  const canApprove = application.availableActions.includes('approve');
  const canReturn = application.availableActions.includes('return');

  function addReason(text: string) {
    setReason((current) => (current.trim() ? `${current.trim()}；${text}` : text).slice(0, REASON_MAX));
  }

  async function confirmReturn() {
    await decide('return', reason.trim());
    setReason('');
  }

  return (
    <View className="admin-bar">
      {canApprove || canReturn ? (
        <View className="admin-bar__buttons">
          {canReturn ? (
            <Button
              className="admin-bar__button"
              type="warning"
              fill="outline"
              disabled={deciding !== null}
              loading={deciding === 'return'}
              onClick={() => setDialog('return')}
            >
              {actionTable.return.label}
            </Button>
          ) : null}
          {canApprove ? (
            <Button
              className="admin-bar__button"
              type="primary"
              disabled={deciding !== null}
              loading={deciding === 'approve'}
              onClick={() => setDialog('approve')}
            >
              {actionTable.approve.label}
            </Button>
          ) : null}
        </View>
      ) : next.id ? (
        <Button type="primary" block onClick={() => next.id && onNext(next.id)}>
          下一条待审核（还有 {next.remaining} 条）
        </Button>
      ) : (
        <Button block onClick={() => void back().catch(() => replace('queue', { programId: application.programId }))}>
          没有待审核的申报了，返回列表
        </Button>
      )}

      <Dialog
        visible={dialog === 'approve'}
        title="批准立项？"
        confirmText="批准立项"
        onConfirm={() => decide('approve')}
        onCancel={() => setDialog(null)}
        onClose={() => setDialog(null)}
      >
        <Text className="admin-dialog__text">
          批准后「{application.orgName}」获得 1 个奖补名额（{formatYuan(awardAmountFen)}），并可开始填报指标完成情况。
        </Text>
      </Dialog>

      <Dialog
        visible={dialog === 'return'}
        title="退回修改"
        confirmText="确认退回"
        disableConfirmButton={!reason.trim()}
        onConfirm={confirmReturn}
        onCancel={() => setDialog(null)}
        onClose={() => setDialog(null)}
      >
        <View className="admin-dialog">
          <Text className="admin-dialog__text">请写明需要修改的内容，申报单位将看到此理由。</Text>
          <View className="admin-chips">
            {commonReasons.map((text) => (
              <Text key={text} className="admin-chips__chip" onClick={() => addReason(text)}>
                {text}
              </Text>
            ))}
          </View>
          {/* fixed: the dialog is position:fixed, where WeChat's native textarea must be told so. */}
          <Textarea
            className="admin-dialog__input"
            value={reason}
            onInput={(event) => setReason(event.detail.value)}
            placeholder="退回理由（必填）"
            maxlength={REASON_MAX}
            autoHeight
            fixed
          />
          <View className="admin-dialog__foot">
            <Text className="admin-dialog__hint">{reason.trim() ? '' : '请填写退回理由'}</Text>
            <Text className="admin-dialog__count">
              {reason.length}/{REASON_MAX}
            </Text>
          </View>
        </View>
      </Dialog>
    </View>
  );
}
