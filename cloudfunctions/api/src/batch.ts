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
      outcomes.push({ id: idOf(item), ...failureOf(error, idOf(item)) });
    }
  }
  return outcomes;
}

/** A refused item as its user should read it (an unexpected error is logged and reported as INTERNAL). */
export function failureOf(error: unknown, id: string): Omit<ItemOutcome, 'id'> {
  const known = error instanceof AppError ? error : error instanceof StoreConflict ? new AppError('CONFLICT') : null;
  if (!known) console.error('[api] batch item failed', id, error);
  const body = (known ?? new AppError('INTERNAL')).toBody();
  return { ok: false, code: body.code, message: body.message };
}
