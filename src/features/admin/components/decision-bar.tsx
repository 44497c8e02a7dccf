// The clerk's buttons: exactly the decisions the server offers, labelled from the workflow table; a reason
// where the table asks for one; then the way to the next application that waits in the same queue.
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { ApplicationDetail, ApplicationView, ProgramView, StaffDecision } from '@/core/schemas/actions';
import { actionTable } from '@/core/workflow/award-workflow';
import { back, replace } from '@/lib/navigation';
import { chineseDayAfterMonths } from '../dates';
import { useDecision } from '../hooks/use-decision';
import { decisionsOf, isAdverse } from '../staff-actions';
import { ReasonDialog } from './reason-dialog';
import { confirm } from '@/lib/feedback';
import { ActionBar } from '@/components/action-bar';

/** Reasons clerks give most, per decision; a tap adds one, the clerk edits the rest. */
const commonReasons: Partial<Record<StaffDecision, string[]>> = {
  return: ['实施方案过于简略，请补充具体活动安排', '经费预算依据不充分', '指标承诺与实施方案不一致'],
  rejectCheck: ['申报单位不符合申报条件', '申报材料不完整且已逾期'],
  rectifyMidterm: ['进度滞后，请补充整改措施', '佐证材料不足'],
  rectifyFinal: ['关键指标未完成', '佐证材料不足，请补充'],
};

/** The day a rectification would be due if decided today (the server records the real one). */
function rectificationDue(program: Pick<ProgramView, 'serverNow' | 'stages'>): string {
  return chineseDayAfterMonths(program.serverNow, program.stages.rectification?.months ?? 1);
}

interface DecisionBarProps {
  application: ApplicationView;
  program: ProgramView;
  next: { id: string | null; remaining: number };
  stage: string | null;
  /** Offered decisions that cannot be taken yet: shown disabled, with why and from when (the server's readiness). */
  blocked?: ApplicationDetail['blocked'];
  onDecided: () => unknown;
}

export function DecisionBar({ application, program, next, stage, blocked = [], onDecided }: DecisionBarProps) {
  const { deciding, decide } = useDecision(application, onDecided);
  const [asking, setAsking] = useState<StaffDecision | null>(null);
  const decisions = decisionsOf(application);
  const waitsOn = (decision: StaffDecision) => blocked.find((item) => item.action === decision) ?? null;
  const reasons = decisions.flatMap((decision) => {
    const item = waitsOn(decision);
    return item ? [{ decision, reason: item.reason }] : [];
  });
  const takeable = decisions.filter((decision) => !waitsOn(decision));

  async function start(decision: StaffDecision) {
    const definition = actionTable[decision];
    if (definition.reasonRequired) {
      setAsking(decision);
      return;
    }
    const go = await confirm(
      `${definition.label}？`,
      `「${application.projectName || application.orgName}」将${definition.label}。`,
      // WeChat shows at most four characters on a modal's confirm button.
      definition.label.length <= 4 ? definition.label : '确定',
    );
    if (go) await decide(decision).catch(() => undefined);
  }

  const goNext = () => {
    if (next.id) void replace('applicationDetail', { id: next.id, ...(stage ? { stage } : {}) });
  };
  const asked = asking ? actionTable[asking] : null;

  return (
    <ActionBar>
      {decisions.length > 0 ? (
        <View className={`admin-bar__buttons${decisions.length > 2 ? ' admin-bar__buttons--many' : ''}`}>
          {decisions.map((decision) => (
            <Button
              key={decision}
              className="admin-bar__button"
              type={isAdverse(decision) ? 'warning' : 'primary'}
              fill={isAdverse(decision) ? 'outline' : 'solid'}
              disabled={deciding !== null || waitsOn(decision) !== null}
              loading={deciding === decision}
              onClick={() => void start(decision)}
            >
              {actionTable[decision].label}
            </Button>
          ))}
        </View>
      ) : next.id ? (
        <Button type="primary" block onClick={goNext}>
          下一条待处理（还有 {next.remaining} 条）
        </Button>
      ) : (
        <Button block onClick={() => void back().catch(() => replace('queue', { programId: application.programId }))}>
          本阶段没有待处理的申报了，返回列表
        </Button>
      )}
      {reasons.map(({ decision, reason }) => (
        <Text key={decision} className="admin-bar__blocked">
          {reason}
        </Text>
      ))}
      {takeable.length === 0 && decisions.length > 0 && next.id ? (
        <Button type="primary" block onClick={goNext}>
          下一条待处理（还有 {next.remaining} 条）
        </Button>
      ) : decisions.length > 0 && next.id ? (
        <Text className="admin-bar__skip" onClick={goNext}>
          先跳过，看下一条（还有 {next.remaining} 条）›
        </Text>
      ) : null}

      <ReasonDialog
        visible={asking !== null}
        title={asked?.label ?? ''}
        confirmText={`确认${asked?.label ?? ''}`}
        required
        chips={asking ? (commonReasons[asking] ?? []) : []}
        description={
          <>
            <Text>请写明理由，申报单位将看到此理由。</Text>
            {asking === 'rectifyMidterm' || asking === 'rectifyFinal' ? (
              <Text className="admin-dialog__due">
                整改期 {program.stages.rectification?.months ?? 1} 个月，预计须于 {rectificationDue(program)} 前重新提交（以系统记录为准）。
              </Text>
            ) : null}
          </>
        }
        onConfirm={async (reason) => {
          if (asking) await decide(asking, reason);
          setAsking(null);
        }}
        onClose={() => setAsking(null)}
      />
    </ActionBar>
  );
}
