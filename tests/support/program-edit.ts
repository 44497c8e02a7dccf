// The edit the secretariat's settings form sends for a programme as it stands (each test then changes a part).
import { editOfConfig, programConfigOf, type ProgramEdit } from '@/core/program/program-edit';
import type { Program } from '@/core/schemas/documents';

/** From a programme as stored or as the api shows it (a view carries every stored field). */
export function editOf(program: Program): ProgramEdit {
  return structuredClone(editOfConfig(programConfigOf(program)));
}
