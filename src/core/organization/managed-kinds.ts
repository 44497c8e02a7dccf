// Which organisations an organiser manages: a 科协 its 学会, a 学会 its 分支机构 and 会员单位.
import { orgKindLabels, type OrgKind } from '../schemas/labels';

const managedByKind: Record<OrgKind, readonly OrgKind[]> = {
  association: ['society'],
  society: ['branch', 'memberUnit'],
  branch: [],
  memberUnit: [],
};

/** The kinds of organisation an organiser of this kind may create under it (none: it manages nobody). */
export function managedKinds(organiserKind: OrgKind): readonly OrgKind[] {
  return managedByKind[organiserKind];
}

/** Why an organiser may not create a unit of this kind under it, in Chinese; null when it may. */
export function kindRefusal(organiserKind: OrgKind, kind: OrgKind): string | null {
  const kinds = managedKinds(organiserKind);
  if (kinds.includes(kind)) return null;
  const allowed = kinds.length > 0 ? `只能管理${kinds.map((k) => orgKindLabels[k]).join('、')}` : '不管理下属单位';
  return `${orgKindLabels[organiserKind]}${allowed}`;
}

export const DEACTIVATED_MESSAGE = '本单位已被主办单位停用，不能申报';
