// The four seed programmes, each a JSON configuration parsed at load so a bad file fails loudly at start.
import { programConfigSchema, type ProgramConfig } from '../program-schema';
import sichuanCivil from './sichuan-civil-2023.json';
import sichuanFirstClassSociety from './sichuan-first-class-society-2023.json';
import suzhou from './suzhou-2022.json';
import xuzhou from './xuzhou-2022.json';

export const seedPrograms: ProgramConfig[] = [sichuanFirstClassSociety, sichuanCivil, suzhou, xuzhou].map((config) =>
  programConfigSchema.parse(config),
);

export function seedProgramByCode(code: string): ProgramConfig | undefined {
  return seedPrograms.find((program) => program.code === code);
}
