// Which organisations an organiser manages: a 科协 its 学会, a 学会 its 分支机构 and 会员单位.
import type { OrgKind } from '../schemas/common';

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

export const DEACTIVATED_MESSAGE = '本单位已被主办单位停用，不能申报';
