// The edit the secretariat's settings form sends for a programme as it stands (each test then changes a part).
import { editOfConfig, programConfigOf, type ProgramEdit } from '@/core/program/program-edit';
import type { Stages } from '@/core/program/program-schema';
import type { Program } from '@/core/schemas/documents';
import { OPENID, PROGRAM_ID, type Harness } from './harness';

/** From a programme as stored or as the api shows it (a view carries every stored field). */
export function editOf(program: Program): ProgramEdit {
  return structuredClone(editOfConfig(programConfigOf(program)));
}

/** A notice as the settings form sends it: its length (its document's minimum is not the secretariat's to set). */
const noticeEdit = (notice: Stages['shortlistNotice']) => (notice ? { workingDays: notice.workingDays } : null);

/** The secretariat changes some of a programme's stages (program.update), the rest kept. */
export async function withStages(h: Harness, change: Partial<Stages>, programId = PROGRAM_ID, secretary: string = OPENID.secretary) {
  const program = await h.as(secretary, 'program.get', { programId });
  const edit = editOf(program);
  const { shortlistNotice, resultNotice, ...rest } = change;
  return h.as(secretary, 'program.update', {
    programId,
    version: program.version,
    edit: {
      ...edit,
      stages: {
        ...edit.stages,
        ...rest,
        ...(shortlistNotice !== undefined ? { shortlistNotice: noticeEdit(shortlistNotice) } : {}),
        ...(resultNotice !== undefined ? { resultNotice: noticeEdit(resultNotice) } : {}),
      },
    },
  });
}
