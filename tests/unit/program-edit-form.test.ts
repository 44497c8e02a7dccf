// The settings form's applicant scope: what it shows, what it sends, and the reason it gives before the tap.
import type { ProgramView } from '@/core/schemas/actions';
import { draftOf, editOf, toggledKind } from '@/features/admin/program-edit-form';
import { programFrom } from './factories';

const xuzhou: ProgramView = {
  ...programFrom('xuzhou-2022'),
  windowOpen: true,
  categoryStates: [],
  grantedFen: 0,
  shortlistedFen: 0,
  serverNow: '2022-05-20T02:00:00.000Z',
};

test('the form shows the template’s scope and sends it back unchanged', () => {
  const draft = draftOf(xuzhou);
  expect([draft.applicantKinds, draft.applicantLabel]).toEqual([['society'], '市级学会（协会、研究会）']);
  const result = editOf(draft);
  expect('edit' in result && result.edit.applicants).toEqual({ memberKinds: ['society'], label: '市级学会（协会、研究会）' });
  expect('edit' in result && result.edit.categories.map((category) => category.applicantKinds)).toEqual(
    xuzhou.categories.map(() => ['society']),
  );
});

test('narrowing the scope below a category’s kinds is explained in Chinese; ticking the categories too is accepted', () => {
  const draft = draftOf(xuzhou);
  const scoped = { ...draft, applicantKinds: toggledKind(toggledKind(['society'], 'memberUnit'), 'society'), applicantLabel: '会员单位' };
  expect(scoped.applicantKinds).toEqual(['memberUnit']);
  expect(editOf(scoped)).toEqual({ issue: '“一流学会”的申报单位类型（学会）不在项目的申报范围（会员单位）之内' });
  const categories = scoped.categories.map((category) => ({ ...category, applicantKinds: toggledKind(['branch'], 'memberUnit') }));
  expect(toggledKind(['branch'], 'memberUnit')).toEqual(['branch', 'memberUnit']);
  expect(editOf({ ...scoped, categories })).toEqual({ issue: '“一流学会”的申报单位类型（分支机构）不在项目的申报范围（会员单位）之内' });
  const accepted = editOf({
    ...scoped,
    categories: scoped.categories.map((category) => ({ ...category, applicantKinds: ['memberUnit'] })),
  });
  expect('edit' in accepted && accepted.edit.applicants).toEqual({ memberKinds: ['memberUnit'], label: '会员单位' });
});

test('no kind or no name for the scope is refused by the form', () => {
  const draft = draftOf(xuzhou);
  expect(editOf({ ...draft, applicantKinds: [] })).toEqual({ issue: '申报范围至少选择一种单位类型' });
  expect(editOf({ ...draft, applicantLabel: '  ' })).toEqual({ issue: '请填写申报范围的名称' });
});

test('the form refuses, before the tap and in the server’s words, a notice below the floor and a target below its provincial minimum', () => {
  const civil: ProgramView = { ...xuzhou, ...programFrom('sichuan-civil-2023') };
  const draft = draftOf(civil);
  expect(editOf({ ...draft, publicityWorkingDays: '3' })).toEqual({ issue: '公示期不能少于 5 个工作日（本项目文件规定）' });
  const rank = draft.targets.find((target) => target.key === 'tfkjy-registered-rank')!;
  const worse = draft.targets.map((target) => (target.key === rank.key ? { ...target, target: '60' } : target));
  expect(editOf({ ...draft, targets: worse })).toEqual({ issue: `“${rank.name}”的目标不能低于上级项目的要求（前 50 名以内）` });
  const better = draft.targets.map((target) => (target.key === rank.key ? { ...target, target: '20' } : target));
  expect('edit' in editOf({ ...draft, targets: better, publicityWorkingDays: '7' })).toBe(true);
});
