// The edit the secretariat's settings form sends for a programme as it stands (each test then changes a part).
import type { Stages } from '@/core/program/program-schema';
import type { ProgramEdit } from '@/core/schemas/actions';
import type { Program } from '@/core/schemas/documents';
import { OPENID, PROGRAM_ID, type Harness } from './harness';

/** From a programme as stored or as the api shows it (a view carries every stored field). */
export function editOf(program: Program): ProgramEdit {
  return {
    name: program.name,
    summary: program.summary,
    opensAt: program.opensAt,
    deadline: program.deadline,
    implementationEndsAt: program.implementationEndsAt,
    finalReportDueAt: program.finalReportDueAt,
    poolFen: program.poolFen,
    stages: program.stages,
    categories: program.categories.map(({ key, quotaMin, quotaMax, awardAmountFen, deadline }) => ({
      key,
      quotaMin,
      quotaMax,
      awardAmountFen,
      deadline,
    })),
    indicatorTargets: program.indicators.map(({ key, target }) => ({ key, target })),
    form: {
      projectNameMaxChars: program.form.projectNameMaxChars,
      sectionLimits: program.form.sections.map(({ key, maxChars }) => ({ key, maxChars })),
      budgetMaxLines: program.form.budget.maxLines,
    },
  };
}

/** The secretariat changes some of a programme's stages (program.update), the rest kept. */
export async function withStages(h: Harness, change: Partial<Stages>, programId = PROGRAM_ID, secretary: string = OPENID.secretary) {
  const program = await h.as(secretary, 'program.get', { programId });
  return h.as(secretary, 'program.update', {
    programId,
    version: program.version,
    edit: { ...editOf(program), stages: { ...program.stages, ...change } },
  });
}
