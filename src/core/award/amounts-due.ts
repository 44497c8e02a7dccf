// What an award's money records may come to: the payment after 立项 (its advance share), the payment after
// acceptance (the rest), and the refund after failing (what failing recorded as owed). The server caps what the
// secretariat enters at these; the forms start from them.
import type { Stages } from '../program/program-schema';
import { tranches } from '../program/program-rules';
import type { Application } from '../schemas/documents';

export type MoneyAction = 'disburse' | 'pay' | 'recordRefund';

type Award = Pick<Application, 'awardFen' | 'failure' | 'advance'>;

const dueBy: Record<MoneyAction, (award: Award, stages: Pick<Stages, 'advancePercent'>) => number | null> = {
  disburse: (award, stages) => (award.awardFen === null ? null : tranches(award.awardFen, stages).advanceFen),
  pay: (award, stages) => (award.awardFen === null ? null : tranches(award.awardFen, stages).balanceFen),
  recordRefund: (award) => award.failure?.refundDueFen ?? award.advance?.amountFen ?? 0,
};

/** The most the action may record now, in fen; null where the award's amount is not known (nothing to cap by). */
export function amountDueFen(action: MoneyAction, award: Award, stages: Pick<Stages, 'advancePercent'>): number | null {
  return dueBy[action](award, stages);
}
