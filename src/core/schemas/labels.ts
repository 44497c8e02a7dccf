// The plain vocabulary of the app: kinds of organisation, roles, sanctions, with their Chinese labels, and the years
// a date may fall in. No zod here: screens use these without bringing zod into the mini-program's main package,
// and the schemas (common.ts) build their enums from the same lists.

/** The years the app deals in: a date or time outside them is a typo or an attack, refused before any computation. */
export const SANE_YEARS = { first: 2000, last: 2099 } as const;
export const SANE_YEARS_MESSAGE = `日期应在 ${SANE_YEARS.first} 年至 ${SANE_YEARS.last} 年之间`;
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** Whether an ISO time (or a YYYY-MM-DD day) falls in SANE_YEARS, judged in Asia/Shanghai. */
export function inSaneYears(value: string): boolean {
  const year = /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? Number(value.slice(0, 4))
    : new Date(Date.parse(value) + SHANGHAI_OFFSET_MS).getUTCFullYear();
  return year >= SANE_YEARS.first && year <= SANE_YEARS.last;
}

export const orgKinds = ['association', 'society', 'branch', 'memberUnit'] as const;
export type OrgKind = (typeof orgKinds)[number];

export const orgKindLabels: Record<OrgKind, string> = {
  association: '科协',
  society: '学会',
  branch: '分支机构',
  memberUnit: '会员单位',
};

/** Dated marks against an organisation's integrity: 行政处罚, and 通报 (with a deadline to put things right). */
export const sanctionKinds = ['penalty', 'notice'] as const;
export type SanctionKind = (typeof sanctionKinds)[number];
export const sanctionKindLabels: Record<SanctionKind, string> = { penalty: '行政处罚', notice: '通报并限期整改' };

export const roles = ['applicant', 'secretariat', 'reviewer'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  applicant: '申报单位联系人',
  secretariat: '学会秘书处',
  reviewer: '评审专家',
};

/** What an organiser is called by its kind: a 科协 (e.g. 苏州市科协) is never called a 学会. */
export function organiserWord(kind: OrgKind): string {
  return kind === 'association' ? orgKindLabels.association : orgKindLabels.society;
}

/** A role as its organisation's kind names it: the secretariat of a 科协 is 科协秘书处, of a society 学会秘书处. */
export function roleLabelFor(role: Role, orgKind: OrgKind): string {
  return role === 'secretariat' ? `${organiserWord(orgKind)}秘书处` : roleLabels[role];
}
