// A batch is many independent changes: each item runs (in its own transactions) and is answered on its own,
// so one refusal never stops the others.
import { AppError } from '@/core/errors';
import { StoreConflict } from './ports';

export interface ItemOutcome {
  id: string;
  ok: boolean;
  code: string | null;
  message: string | null;
}

export async function settleEach<T>(items: readonly T[], idOf: (item: T) => string, work: (item: T) => Promise<unknown>) {
  const outcomes: ItemOutcome[] = [];
  for (const item of items) {
    try {
      await work(item);
      outcomes.push({ id: idOf(item), ok: true, code: null, message: null });
    } catch (error) {
      const known = error instanceof AppError ? error : error instanceof StoreConflict ? new AppError('CONFLICT') : null;
      if (!known) console.error('[api] batch item failed', idOf(item), error);
      const body = (known ?? new AppError('INTERNAL')).toBody();
      outcomes.push({ id: idOf(item), ok: false, code: body.code, message: body.message });
    }
  }
  return outcomes;
}
