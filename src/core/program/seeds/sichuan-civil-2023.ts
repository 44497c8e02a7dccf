// Kept so older imports keep working; the programme itself lives in sichuan-civil-2023.json.
import type { ProgramConfig } from '../program-schema';
import { seedProgramByCode } from './index';

const program = seedProgramByCode('sichuan-civil-2023');
if (!program) throw new Error('seed programme sichuan-civil-2023 is missing');

export const sichuanCivil2023: ProgramConfig = program;
