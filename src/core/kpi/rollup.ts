// The indicator board recomputed from the records: what the running totals (tally.ts) must always equal.
import type { Program } from '../program/program-schema';
import type { Application, Claim, IndicatorValue } from '../schemas/documents';
import { indicatorRows, programFiguresFrom, type IndicatorRow } from './tally';

export type { IndicatorRow } from './tally';

export function rollUpIndicators(
  program: Pick<Program, 'indicators' | 'opensAt' | 'implementationEndsAt'>,
  applications: readonly Pick<Application, '_id' | 'status' | 'commitments'>[],
  claims: readonly Pick<Claim, 'applicationId' | 'indicatorKey' | 'amount' | 'verification' | 'fileIds'>[],
  values: readonly Pick<IndicatorValue, 'indicatorKey' | 'value' | 'on' | 'createdAt'>[] = [],
  now: Date = new Date(program.opensAt),
): IndicatorRow[] {
  return indicatorRows(program, programFiguresFrom(program, applications, claims, values), now);
}
