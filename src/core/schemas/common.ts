import { z } from 'zod';
import './zod-chinese';

export const id = z.string().min(1).max(128);
export const isoTime = z.iso.datetime({ offset: true });
export const fen = z.number().int().nonnegative();
export const version = z.number().int().nonnegative();

export const orgKinds = ['association', 'society', 'branch', 'memberUnit'] as const;
export const orgKind = z.enum(orgKinds);
export type OrgKind = z.infer<typeof orgKind>;

export const orgKindLabels: Record<OrgKind, string> = {
  association: '科协',
  society: '学会',
  branch: '分支机构',
  memberUnit: '会员单位',
};

export const roles = ['applicant', 'secretariat', 'reviewer'] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;

export const roleLabels: Record<Role, string> = {
  applicant: '申报单位联系人',
  secretariat: '学会秘书处',
  reviewer: '评审专家',
};

/** Every stored document has an id, a version for optimistic concurrency and UTC timestamps. */
export const storedFields = {
  _id: id,
  version,
  createdAt: isoTime,
  updatedAt: isoTime,
};
