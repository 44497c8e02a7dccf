// Files the secretariat downloads: the award ledger (奖补台账 and 评审汇总表) of a programme it runs.
import { ledgerRows, reviewSummaryRows } from '@/core/award/ledger';
import type { ActionOutput, ParsedInput } from '@/core/schemas/actions';
import { awardLedgerWorkbook } from '../award-ledger-sheet';
import type { HandlerContext } from '../context';
import { loadStaffProgram } from '../loaders';

export async function awardLedger(
  input: ParsedInput<'export.awardLedger'>,
  context: HandlerContext,
): Promise<ActionOutput<'export.awardLedger'>> {
  const { deps, caller } = context;
  const program = await loadStaffProgram(deps.store, caller, input.programId);
  const [applications, claims, reviews] = await Promise.all([
    deps.store.find('applications', { programId: program._id }),
    deps.store.find('claims', { programId: program._id }),
    deps.store.find('reviews', { programId: program._id }),
  ]);
  const orgIds = [...new Set(applications.map((application) => application.orgId))];
  const units = await Promise.all(orgIds.map((orgId) => deps.store.get('organizations', orgId)));
  const unitNames = new Map(units.flatMap((unit) => (unit ? [[unit._id, unit.name] as const] : [])));
  const bytes = await awardLedgerWorkbook(
    program,
    ledgerRows(program, applications, claims, reviews, unitNames),
    reviewSummaryRows(program, applications, reviews, unitNames),
    context.now,
  );
  return { fileName: `${program.name}-奖补台账.xlsx`, base64: bytes.toString('base64') };
}
