// The invitation code the join page opens with: from a scanned mini-program code, from the H5 link, or typed.
import { personRoleLabels, roleDuty } from '@/features/common/person-roles';
import { codeFromPageParams, tidyCode } from '@/features/join/invitation-code';

test('a scanned code (WeChat URL-encodes the scene) and the H5 link both open the invitation they carry', () => {
  expect(codeFromPageParams({ scene: 'AB3K7MQ9' })).toBe('AB3K7MQ9');
  expect(codeFromPageParams({ scene: encodeURIComponent('ab3k-7mq9') })).toBe('AB3K7MQ9');
  expect(codeFromPageParams({ code: 'AB3K7MQ9' })).toBe('AB3K7MQ9');
  // A scene wins over a stray code query; no code at all leaves the person to type one.
  expect(codeFromPageParams({ scene: 'AB3K7MQ9', code: 'ZZZZZZZZ' })).toBe('AB3K7MQ9');
  expect(codeFromPageParams({})).toBe('');
  // A malformed escape is shown as it came (the server then says the code is wrong), never a crash.
  expect(codeFromPageParams({ code: '%E0%A4%A' })).toBe('%E0%A4%A');
});

test('a typed code may have spaces, dashes and lower case', () => {
  expect(tidyCode(' ab3k 7mq9 ')).toBe('AB3K7MQ9');
  expect(tidyCode('AB3K-7MQ9')).toBe('AB3K7MQ9');
  expect(tidyCode('')).toBe('');
});

test('the invited person reads what the role means, with their unit and the organiser named', () => {
  expect(personRoleLabels).toEqual({ applicant: '单位联系人', reviewer: '评审专家', secretariat: '秘书处成员' });
  expect(roleDuty('applicant', '四川省某学会', '四川省科协')).toBe('代表“四川省某学会”申报四川省科协的奖补项目、填报完成情况');
  // An expert's own unit is named, with the promise that its applications are never theirs to review.
  expect(roleDuty('reviewer', '四川大学', '四川省科协')).toBe('为四川省科协评审申报（工作单位：四川大学，本单位的申报将自动回避）');
  expect(roleDuty('secretariat', '四川省科协', '四川省科协')).toBe('在四川省科协秘书处管理项目、审核申报、邀请人员');
});
