import { z } from 'zod';
import './zod-chinese';
import { inSaneYears, orgKinds, roles, SANE_YEARS_MESSAGE } from './labels';

export * from './labels';

export const id = z.string().min(1).max(128);
export const isoTime = z.iso.datetime({ offset: true });

/** An ISO time a person typed (programme dates, deadlines): real and within SANE_YEARS. */
export const saneIsoTime = isoTime.refine(inSaneYears, SANE_YEARS_MESSAGE);
export const fen = z.number().int().nonnegative();
export const version = z.number().int().nonnegative();

export const orgKind = z.enum(orgKinds);
export const role = z.enum(roles);

/** Every stored document has an id, a version for optimistic concurrency and UTC timestamps. */
export const storedFields = {
  _id: id,
  version,
  createdAt: isoTime,
  updatedAt: isoTime,
};

// Control characters (C0, DEL, C1) other than tab and line breaks, which multi-line text keeps.
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/gu;
// Bidi embeddings, overrides, isolates and the invisible direction marks (LRM, RLM, ALM): they can make
// text read differently from how it is stored (a reversed amount or file name) and no Chinese form needs them.
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
const LINE_BREAKS = /\r\n?|[\u2028\u2029]/gu;

/** Free text as stored: no control or bidi characters; multi-line text keeps newlines (\n) and tabs. */
export function cleanText(value: string, multiline = false): string {
  const lines = value.replace(LINE_BREAKS, '\n').replace(BIDI, '').replace(CONTROLS, '');
  return multiline ? lines : lines.replace(/[\t\n]+/gu, ' ');
}

/**
 * Every free-text field of the action contracts: cleaned, then trimmed, before min/max judge it.
 * Single-line text turns tabs and line breaks into a space; multi-line text keeps them.
 */
export function text(options: { multiline?: boolean } = {}) {
  const multiline = options.multiline ?? false;
  return z
    .string()
    .overwrite((value) => cleanText(value, multiline))
    .trim();
}

const unknownKeyError = (issue: z.core.$ZodRawIssue) =>
  issue.code === 'unrecognized_keys' ? `不能修改或不认识的字段：${issue.keys.join('、')}` : undefined;

/** An object of what a person may change: a key it does not know is refused by name, not dropped (a typo must not pass as "saved"). */
export function editObject<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.strictObject(shape, { error: unknownKeyError });
}

/**
 * The same schema with every object in it (in lists, unions, nullable and optional fields) refusing unknown keys
 * by name, as editObject does; the objects' own rules are kept.
 */
export function strictDeep<T extends z.ZodType>(schema: T): T {
  const any = schema as unknown as { _zod: { def: Record<string, unknown> }; clone: (def: unknown) => T };
  const def = any._zod.def;
  if (schema instanceof z.ZodObject) {
    const shape = Object.fromEntries(
      Object.entries(schema.shape as z.ZodRawShape).map(([key, field]) => [key, strictDeep(field as unknown as z.ZodType)]),
    );
    return any.clone({ ...def, shape, catchall: z.never(), error: unknownKeyError });
  }
  if (schema instanceof z.ZodArray) return any.clone({ ...def, element: strictDeep(schema.element as unknown as z.ZodType) });
  if (schema instanceof z.ZodNullable || schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) {
    return any.clone({ ...def, innerType: strictDeep(def.innerType as z.ZodType) });
  }
  if (schema instanceof z.ZodDiscriminatedUnion) {
    return any.clone({ ...def, options: (def.options as z.ZodType[]).map((option) => strictDeep(option)) });
  }
  return schema;
}
