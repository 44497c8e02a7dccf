// Who may see and apply to a programme at all, and who on the staff may read an application.
import { mayJoinProgram, membershipIssue } from '@/core/program/eligibility';
import { programConfigSchema } from '@/core/program/program-schema';
import { seedProgramByCode } from '@/core/program/seeds';
import { maySeeApplication } from '@/core/policy/visibility';
import { applicationStatuses } from '@/core/workflow/award-workflow';
import { organization, programFrom } from './factories';

test('each seed states its applicants as its source document names them', () => {
  expect(programFrom('sichuan-civil-2023').applicants).toEqual({ memberKinds: ['branch', 'memberUnit'], label: '会员单位、分支机构' });
  expect(programFrom('sichuan-first-class-society-2023').applicants).toEqual({
    memberKinds: ['society'],
    label: '省级学会（协会、研究会、促进会）',
  });
  expect(programFrom('suzhou-2022').applicants.memberKinds).toEqual(['society', 'memberUnit']);
  expect(programFrom('xuzhou-2022').applicants).toEqual({ memberKinds: ['society'], label: '市级学会（协会、研究会）' });
});

test('only the running organisation’s members of the named kinds may join, each refusal with its reason', () => {
  const civil = programFrom('sichuan-civil-2023');
  expect(membershipIssue(civil, organization('branch'))).toBeNull();
  expect(membershipIssue(civil, organization('memberUnit'))).toBeNull();
  expect(membershipIssue(civil, { ...organization('branch'), societyId: 'society-2' }, '四川省土木建筑学会')).toBe(
    '本项目仅限四川省土木建筑学会所属的会员单位、分支机构申报，本单位不是四川省土木建筑学会的所属单位',
  );
  expect(membershipIssue(civil, organization('society'))).toBe('本项目仅限主办单位所属的会员单位、分支机构申报（本单位：学会）');
  // A top-level organisation belongs to nobody.
  expect(mayJoinProgram(civil, { ...organization('association'), societyId: null })).toBe(false);
  const provincial = programFrom('sichuan-first-class-society-2023');
  expect(mayJoinProgram(provincial, organization('society'))).toBe(true);
  expect(mayJoinProgram(provincial, organization('branch'))).toBe(false);
});

test('a category cannot name an applicant kind outside the programme’s scope', () => {
  const xuzhou = seedProgramByCode('xuzhou-2022')!;
  const widened = { ...xuzhou, categories: xuzhou.categories.map((category) => ({ ...category, applicantKinds: ['memberUnit'] })) };
  const parsed = programConfigSchema.safeParse(widened);
  expect(parsed.success).toBe(false);
  expect(parsed.error?.issues[0]?.message).toBe('“一流学会”的申报单位类型（会员单位）不在项目的申报范围（学会）之内');
});

test('the secretariat sees every status of its own programme’s applications except a draft; an applicant only their own', () => {
  const secretariat = { role: 'secretariat' as const, orgId: 'society-1' };
  for (const status of applicationStatuses) {
    const application = { orgId: 'org-branch', societyId: 'society-1', status };
    expect(maySeeApplication(secretariat, application)).toBe(status !== 'draft');
    expect(maySeeApplication({ role: 'secretariat', orgId: 'society-2' }, application)).toBe(false);
    expect(maySeeApplication({ role: 'applicant', orgId: 'org-branch' }, application)).toBe(true);
    expect(maySeeApplication({ role: 'applicant', orgId: 'org-other' }, application)).toBe(false);
    expect(maySeeApplication({ role: 'reviewer', orgId: 'society-1' }, application)).toBe(false);
  }
});
