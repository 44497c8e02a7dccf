// People, invited and bound: the secretariat invites a person to a role, the person (a WeChat identity) looks at
// the invitation and takes it; one person may hold several roles and acts in the one they name; the secretariat
// ends, moves and erases roles; the first secretariat member comes from the deploy's one-time setup code.
import type { ActionInput } from '@/core/schemas/actions';
import { collectionNames, snapshotStore, withoutWrongCodeCounts, type StoreSnapshot } from '../support/store-snapshot';
import { OPENID, SETUP_CODE, refusal, requestId, startHarness, type Harness } from '../support/harness';
import { contentFor, decided, submitted } from '../support/lifecycle';
import { startLocalHttp } from '../support/local-http';
import { JPEG_BYTES, requiredAttachments } from '../support/uploads';

/** 王秘书's second role: the society's own contact in the province's call (same WeChat identity). */
const SECRETARY_AS_CONTACT = 'user-secretary-as-contact';
const SECRETARY = 'user-secretary';
const NEWCOMER = 'wx-openid-newcomer';
const PROVINCIAL = 'program-sichuan-first-class-society-2023';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const invitation = (overrides: Partial<ActionInput<'invitation.create'>> = {}): ActionInput<'invitation.create'> => ({
  requestId: requestId(),
  role: 'applicant',
  orgId: 'org-member-scu',
  name: '孙老师',
  phone: '13900000001',
  ...overrides,
});

/** A refused call's [code, message], after checking it changed nothing (a wrong code's count aside). */
async function refusedUnchanged(openid: string | null, action: string, input: unknown, role?: string): Promise<[string, string] | null> {
  const before = withoutWrongCodeCounts(await snapshotStore(h.store));
  const result = await h.raw(openid, action, input, role);
  expect(withoutWrongCodeCounts(await snapshotStore(h.store))).toEqual(before);
  return refusal(result);
}

async function auditOf(entityId: string) {
  const entries = await h.store.find('audit', { entityId });
  return entries.sort((a, b) => a.entityVersion - b.entityVersion).map((entry) => [entry.entity, entry.action, entry.actorName, entry.to]);
}

describe('an invitation, taken', () => {
  test('the secretariat invites a contact; the person looks at it, takes it and acts in the new role', async () => {
    const created = await h.as(OPENID.secretary, 'invitation.create', invitation({ validDays: 10 }));
    expect(created).toMatchObject({ status: 'open', role: 'applicant', orgName: '四川大学建筑与环境学院', inviteeName: '孙老师' });
    expect(created.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{8}$/);
    expect(Date.parse(created.expiresAt) - h.clock.now().getTime()).toBe(10 * 24 * 3600 * 1000);
    // A retried create answers the same invitation.
    expect((await h.as(OPENID.secretary, 'invitation.create', { ...invitation(), requestId: created._id.slice(4) }))._id).toBe(created._id);

    // Typed in lower case with a dash, by someone in no role yet.
    const typed = `${created.code.slice(0, 4).toLowerCase()}-${created.code.slice(4)}`;
    expect(await h.as(NEWCOMER, 'invitation.peek', { code: typed })).toEqual({
      code: created.code,
      role: 'applicant',
      orgName: '四川大学建筑与环境学院',
      organiserName: '四川省土木建筑学会',
      inviterName: '王秘书',
      inviteeName: '孙老师',
      expiresAt: created.expiresAt,
    });
    // The identity comes from the platform: the input cannot name one.
    expect(refusal(await h.raw(NEWCOMER, 'invitation.accept', { code: created.code, openid: 'someone-else' }))?.[0]).toBe('INVALID_INPUT');

    const session = await h.as(NEWCOMER, 'invitation.accept', { code: created.code });
    expect(session.user).toMatchObject({ name: '孙老师', role: 'applicant' });
    expect(session.org.name).toBe('四川大学建筑与环境学院');
    expect(session.roles).toEqual([
      { userId: session.user.id, role: 'applicant', orgId: 'org-member-scu', orgName: '四川大学建筑与环境学院' },
    ]);
    const bound = await h.store.get('users', session.user.id);
    expect(bound).toMatchObject({ openid: NEWCOMER, phone: '13900000001', invitationId: created._id, active: true, removedAt: null });

    // The new contact acts: sees the society's programme and starts an application for the unit.
    expect((await h.as(NEWCOMER, 'program.get', { programId: 'program-sichuan-civil-2023' })).name).toBeTruthy();
    expect(await h.as(NEWCOMER, 'application.listMine', {})).toEqual([]);

    const [listed] = (await h.as(OPENID.secretary, 'invitation.list', {})).filter((one) => one._id === created._id);
    expect(listed).toMatchObject({ status: 'used', userId: session.user.id });
    expect(await auditOf(created._id)).toEqual([
      ['invitation', 'create', '王秘书', 'applicant'],
      ['invitation', 'accept', '孙老师', 'used'],
    ]);
    expect(await auditOf(session.user.id)).toEqual([['user', 'bind', '孙老师', 'applicant']]);
  });

  test('an expert invited by their employer joins the organiser’s pool; a fellow secretariat member joins the organiser', async () => {
    const expert = await h.as(
      OPENID.secretary,
      'invitation.create',
      invitation({ role: 'reviewer', orgId: 'org-member-design', name: '钱教授' }),
    );
    const bound = await h.as('wx-expert', 'invitation.accept', { code: expert.code });
    expect(await h.store.get('users', bound.user.id)).toMatchObject({
      role: 'reviewer',
      orgId: 'org-member-design',
      poolOrgIds: ['org-scceas'],
    });
    // An expert may also work for the organiser itself.
    await h.as(OPENID.secretary, 'invitation.create', invitation({ role: 'reviewer', orgId: 'org-scceas', name: '郑研究员' }));

    const member = await h.as(
      OPENID.secretary,
      'invitation.create',
      invitation({ role: 'secretariat', orgId: 'org-scceas', name: '周干事' }),
    );
    const colleague = await h.as('wx-colleague', 'invitation.accept', { code: member.code });
    expect(colleague.user.role).toBe('secretariat');
    expect((await h.as('wx-colleague', 'organization.list', {})).map((org) => org._id)).toContain('org-member-scu');
  });

  test('the mini-program code carries the short code; locally it is a QR code of the H5 link', async () => {
    const created = await h.as(OPENID.secretary, 'invitation.create', invitation());
    const code = await h.as(OPENID.secretary, 'invitation.qrcode', { invitationId: created._id });
    expect(code).toMatchObject({
      code: created.code,
      scene: created.code,
      mime: 'image/png',
      link: `/#/pages/join/index?code=${created.code}`,
    });
    expect(Buffer.from(code.base64, 'base64').subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  }, 30_000);
});

describe('an invitation, refused', () => {
  test('used, expired and revoked invitations are refused, each saying why, and change nothing', async () => {
    const used = await h.as(OPENID.secretary, 'invitation.create', invitation());
    await h.as(NEWCOMER, 'invitation.accept', { code: used.code });
    expect(await refusedUnchanged('wx-latecomer', 'invitation.accept', { code: used.code })).toEqual([
      'INVITATION_USED',
      '该邀请已被使用，每个邀请只能使用一次',
    ]);
    expect(await refusedUnchanged('wx-latecomer', 'invitation.peek', { code: used.code })).toEqual([
      'INVITATION_USED',
      '该邀请已被使用，每个邀请只能使用一次',
    ]);

    const expiring = await h.as(OPENID.secretary, 'invitation.create', invitation({ validDays: 1 }));
    h.clock.set(new Date(Date.parse(expiring.expiresAt) + 1000).toISOString());
    expect(await refusedUnchanged('wx-latecomer', 'invitation.accept', { code: expiring.code })).toEqual([
      'INVITATION_EXPIRED',
      '该邀请已过期，请联系秘书处重新邀请',
    ]);
    expect((await h.as(OPENID.secretary, 'invitation.list', {})).find((one) => one._id === expiring._id)?.status).toBe('expired');

    const revoked = await h.as(OPENID.secretary, 'invitation.create', invitation());
    const revokedView = await h.as(OPENID.secretary, 'invitation.revoke', { invitationId: revoked._id, reason: '发错了单位' });
    expect(revokedView).toMatchObject({ status: 'revoked', revokeReason: '发错了单位' });
    expect(await refusedUnchanged('wx-latecomer', 'invitation.accept', { code: revoked.code })).toEqual([
      'INVITATION_REVOKED',
      '该邀请已被秘书处撤销',
    ]);
    expect(await refusedUnchanged(OPENID.secretary, 'invitation.revoke', { invitationId: used._id })).toEqual([
      'INVITATION_USED',
      '该邀请已被使用，每个邀请只能使用一次',
    ]);
    expect(await refusedUnchanged(OPENID.secretary, 'invitation.qrcode', { invitationId: revoked._id })).toEqual([
      'INVITATION_REVOKED',
      '该邀请已被秘书处撤销',
    ]);
  });

  test('only the secretariat invites, and only into organisations under its organiser', async () => {
    const notFound = ['NOT_FOUND', '记录不存在或已被删除：单位不存在'];
    // 徐州市土木建筑学会 is a unit of another 科协.
    expect(await refusedUnchanged(OPENID.secretary, 'invitation.create', invitation({ orgId: 'org-xz-civil' }))).toEqual(notFound);
    // A secretariat member joins the organiser itself, never a unit.
    expect(
      await refusedUnchanged(OPENID.secretary, 'invitation.create', invitation({ role: 'secretariat', orgId: 'org-member-scu' })),
    ).toEqual(notFound);
    // A contact acts for a unit, not for the organiser.
    expect(await refusedUnchanged(OPENID.secretary, 'invitation.create', invitation({ orgId: 'org-scceas' }))).toEqual(notFound);
    expect(await refusedUnchanged(OPENID.secretaryXuzhou, 'invitation.create', invitation())).toEqual(notFound);
    expect((await refusedUnchanged(OPENID.structure, 'invitation.create', invitation()))?.[0]).toBe('FORBIDDEN');
  });

  test('taking an invitation needs a WeChat identity, and a role held already is not bound twice', async () => {
    const created = await h.as(OPENID.secretary, 'invitation.create', invitation({ orgId: 'org-branch-structure', name: '李工' }));
    expect(await refusedUnchanged(null, 'invitation.accept', { code: created.code })).toEqual(['UNAUTHENTICATED', '请先登录']);
    expect(await refusedUnchanged(null, 'invitation.peek', { code: created.code })).toEqual(['UNAUTHENTICATED', '请先登录']);
    // 李工 is 建筑结构专业委员会's contact already.
    expect(await refusedUnchanged(OPENID.structure, 'invitation.accept', { code: created.code })).toEqual([
      'ALREADY_BOUND',
      '您已拥有该身份，无需重复绑定',
    ]);
  });

  test('a unit deactivated after the invitation was sent cannot be joined', async () => {
    const created = await h.as(OPENID.secretary, 'invitation.create', invitation());
    const unit = await h.as(OPENID.secretary, 'organization.get', { organizationId: 'org-member-scu' });
    await h.as(OPENID.secretary, 'organization.deactivate', { organizationId: unit._id, version: unit.version, reason: '已撤销' });
    const gone = ['NOT_FOUND', '记录不存在或已被删除：邀请所属单位已停用或已调整，请联系秘书处重新邀请'];
    expect(await refusedUnchanged(NEWCOMER, 'invitation.peek', { code: created.code })).toEqual(gone);
    expect(await refusedUnchanged(NEWCOMER, 'invitation.accept', { code: created.code })).toEqual(gone);
  });

  test('a wrong code is refused, and after a few wrong codes the client must wait', async () => {
    expect(await refusedUnchanged(NEWCOMER, 'invitation.peek', { code: 'ZZZZ-ZZZZ' })).toEqual([
      'INVITATION_INVALID',
      '邀请码不存在，请核对后重试',
    ]);
    expect((await refusedUnchanged(NEWCOMER, 'invitation.peek', { code: '0000O0OO' }))?.[0]).toBe('INVALID_INPUT');
    const attempts = [];
    for (let index = 0; index < 10; index += 1)
      attempts.push((await h.raw(NEWCOMER, 'invitation.accept', { code: `ZZZZZZ${'ABCDEFGHJK'[index]}A` })).ok);
    expect(attempts.every((ok) => !ok)).toBe(true);
    // The right code now waits too: the client's tries for the hour are spent.
    const created = await h.as(OPENID.secretary, 'invitation.create', invitation());
    const limited = await refusedUnchanged(NEWCOMER, 'invitation.accept', { code: created.code });
    expect(limited?.[0]).toBe('RATE_LIMITED');
    expect(limited?.[1]).toContain('邀请码输错次数过多');
  });
});

describe('several roles of one person', () => {
  test('a file goes into a slot issued to the role the person acted in, not only their first', async () => {
    h.clock.set('2023-06-20T10:00:00+08:00');
    const content = await contentFor(h, PROVINCIAL, 'society');
    const created = await h
      .inRole(SECRETARY_AS_CONTACT)
      .as(OPENID.secretary, 'application.create', { programId: PROVINCIAL, requestId: requestId(), content });
    const server = await startLocalHttp(h);
    try {
      const token = await server.signIn(SECRETARY);
      const slot = await server.api(
        token,
        'file.slot',
        { applicationId: created._id, purpose: 'attachment', extension: 'jpg' },
        SECRETARY_AS_CONTACT,
      );
      expect(slot.ok).toBe(true);
      const uploaded = await server.upload(token, slot.data.slotId as string, JPEG_BYTES);
      expect([uploaded.status, uploaded.body.ok]).toEqual([200, true]);
      expect((await h.store.get('uploads', slot.data.slotId as string))?.uploadedAt).not.toBeNull();
    } finally {
      await server.close();
    }
  });

  test('the session lists every active role; the call acts in the one it names, else the first', async () => {
    const first = await h.as(OPENID.secretary, 'session.me', {});
    expect(first.user).toMatchObject({ id: SECRETARY, role: 'secretariat' });
    expect(first.roles).toEqual([
      { userId: SECRETARY, role: 'secretariat', orgId: 'org-scceas', orgName: '四川省土木建筑学会' },
      { userId: SECRETARY_AS_CONTACT, role: 'applicant', orgId: 'org-scceas', orgName: '四川省土木建筑学会' },
    ]);
    const asContact = await h.inRole(SECRETARY_AS_CONTACT).as(OPENID.secretary, 'session.me', {});
    expect(asContact.user).toMatchObject({ id: SECRETARY_AS_CONTACT, role: 'applicant' });
    expect(asContact.roles).toEqual(first.roles);
  });

  test('acting as the applicant reaches no staff action or data; acting as the secretariat cannot apply for the unit', async () => {
    const contact = h.inRole(SECRETARY_AS_CONTACT);
    for (const [action, input] of [
      ['application.queue', { programId: 'program-sichuan-civil-2023' }],
      ['organization.list', {}],
      ['person.list', {}],
      ['invitation.create', invitation()],
    ] as const) {
      expect((await refusedUnchanged(OPENID.secretary, action, input, SECRETARY_AS_CONTACT))?.[0]).toBe('FORBIDDEN');
    }
    // The society's branch's submitted application is the secretariat's to see, not the society contact's.
    h.clock.set('2023-07-03T09:00:00+08:00');
    const branchDraft = await h.as(OPENID.structure, 'application.create', {
      programId: 'program-sichuan-civil-2023',
      requestId: requestId(),
      content: await contentFor(h, 'program-sichuan-civil-2023', 'award'),
    });
    expect((await contact.raw(OPENID.secretary, 'application.get', { applicationId: branchDraft._id })).ok).toBe(false);

    h.clock.set('2023-06-20T10:00:00+08:00');
    const content = await contentFor(h, PROVINCIAL, 'society');
    expect(
      (await refusedUnchanged(OPENID.secretary, 'application.create', { programId: PROVINCIAL, requestId: requestId(), content }))?.[0],
    ).toBe('FORBIDDEN');
  });

  test('`as` naming someone else’s role, or a revoked one, is refused; a revoked role never acts', async () => {
    expect(await refusedUnchanged(OPENID.secretary, 'session.me', {}, 'user-contact-structure')).toEqual([
      'ROLE_UNKNOWN',
      '所选身份不存在或已被撤销，请重新选择',
    ]);
    const design = (await h.store.get('users', 'user-contact-design'))!;
    const revoked = await h.as(OPENID.secretary, 'person.revoke', { userId: design._id, version: design.version, reason: '已调离该单位' });
    expect(revoked).toMatchObject({ active: false, removed: false, version: design.version + 1 });
    expect(await refusedUnchanged(OPENID.design, 'session.me', {})).toEqual(['NOT_REGISTERED', '当前账号尚未登记，请联系学会秘书处']);
    expect((await refusedUnchanged(OPENID.design, 'session.me', {}, design._id))?.[0]).toBe('NOT_REGISTERED');

    // 王秘书's applicant role, revoked by the province's secretariat: the secretariat role still acts, the other not.
    const contactRole = (await h.store.get('users', SECRETARY_AS_CONTACT))!;
    await h.as(OPENID.secretarySast, 'person.revoke', {
      userId: contactRole._id,
      version: contactRole.version,
      reason: '改由副秘书长联系',
    });
    expect((await h.as(OPENID.secretary, 'session.me', {})).roles.map((role) => role.userId)).toEqual([SECRETARY]);
    expect((await refusedUnchanged(OPENID.secretary, 'session.me', {}, SECRETARY_AS_CONTACT))?.[0]).toBe('ROLE_UNKNOWN');
    expect(await auditOf(SECRETARY_AS_CONTACT)).toEqual([['user', 'revoke', '省科协学会部', 'revoked']]);
  });

  test('the secretary files the society’s own application in the provincial call under their applicant role', async () => {
    // The province's secretariat records the society's annual inspections (the call asks for them).
    const society = await h.as(OPENID.secretarySast, 'organization.get', { organizationId: 'org-scceas' });
    await h.as(OPENID.secretarySast, 'organization.update', {
      organizationId: society._id,
      version: society.version,
      name: society.name,
      profile: { rating: '4A', ratingYear: 2022, inspections: [2021, 2022, 2023].map((year) => ({ year, result: '合格' as const })) },
    });
    h.clock.set('2023-06-20T10:00:00+08:00');
    const contact = h.inRole(SECRETARY_AS_CONTACT);
    const content = await contentFor(h, PROVINCIAL, 'society');
    const created = await contact.as(OPENID.secretary, 'application.create', { programId: PROVINCIAL, requestId: requestId(), content });
    expect(created).toMatchObject({ orgId: 'org-scceas', societyId: 'org-sast', createdBy: SECRETARY_AS_CONTACT });
    const attachments = await requiredAttachments(contact, OPENID.secretary, created);
    const saved = await contact.as(OPENID.secretary, 'application.save', {
      applicationId: created._id,
      version: created.version,
      content: { ...content, attachments },
    });
    const submitted = await contact.as(OPENID.secretary, 'application.submit', { applicationId: saved._id, version: saved.version });
    expect(submitted.status).toBe('submitted');
    // The province's secretariat sees it; the society's secretariat role (the same person) does not handle it.
    expect((await h.as(OPENID.secretarySast, 'application.queue', { programId: PROVINCIAL })).items.map((one) => one._id)).toContain(
      created._id,
    );
    expect((await refusedUnchanged(OPENID.secretary, 'application.queue', { programId: PROVINCIAL }))?.[0]).toBe('NOT_FOUND');
  });

  test('the local server passes `as` through with the signed session', async () => {
    const http = await startLocalHttp(h);
    try {
      const token = await http.signIn(SECRETARY_AS_CONTACT);
      expect((await http.api(token, 'session.me', {}, SECRETARY_AS_CONTACT)).data.user.role).toBe('applicant');
      expect((await http.api(token, 'session.me', {})).data.user.role).toBe('secretariat');
      expect((await http.api(token, 'session.me', {}, 'user-contact-structure')).error?.code).toBe('ROLE_UNKNOWN');
    } finally {
      await http.close();
    }
  });
});

describe('people, as the secretariat manages them', () => {
  test('the list holds the organiser’s members, its units’ contacts and its pool’s experts, and no one else', async () => {
    const people = await h.as(OPENID.secretary, 'person.list', {});
    expect(people.map((person) => person.userId).sort()).toEqual(
      [
        'user-secretary',
        'user-contact-structure',
        'user-contact-academic',
        'user-contact-design',
        'user-reviewer',
        'user-reviewer-scu',
        'user-reviewer-structure',
      ].sort(),
    );
    // The province's secretariat manages the societies' contacts, 王秘书's second role among them.
    const province = await h.as(OPENID.secretarySast, 'person.list', {});
    expect(province.filter((person) => person.orgId === 'org-scceas').map((person) => [person.name, person.role])).toEqual([
      ['黄副秘书长（土木建筑学会）', 'applicant'],
      ['王秘书', 'applicant'],
    ]);
  });

  test('a contact moves to another unit, an expert to another employer; a secretariat member does not move', async () => {
    const design = (await h.store.get('users', 'user-contact-design'))!;
    const moved = await h.as(OPENID.secretary, 'person.reassign', { userId: design._id, version: design.version, orgId: 'org-member-scu' });
    expect(moved).toMatchObject({ orgId: 'org-member-scu', orgName: '四川大学建筑与环境学院', version: design.version + 1 });
    expect(
      await refusedUnchanged(OPENID.secretary, 'person.reassign', {
        userId: design._id,
        version: design.version,
        orgId: 'org-member-swjtu',
      }),
    ).toEqual(['CONFLICT', '数据已被他人修改，请刷新后重试']);
    const expert = (await h.store.get('users', 'user-reviewer'))!;
    const employed = await h.as(OPENID.secretary, 'person.reassign', { userId: expert._id, version: expert.version, orgId: 'org-scceas' });
    expect(employed.orgId).toBe('org-scceas');
    expect((await h.store.get('users', expert._id))?.poolOrgIds).toEqual(['org-scceas']);
    const secretary = (await h.store.get('users', SECRETARY))!;
    expect(
      (
        await refusedUnchanged(OPENID.secretary, 'person.reassign', {
          userId: SECRETARY,
          version: secretary.version,
          orgId: 'org-member-scu',
        })
      )?.[0],
    ).toBe('INVALID_INPUT');
    // Another organiser's people do not exist for this secretariat.
    const xz = (await h.store.get('users', 'user-contact-xz-civil'))!;
    expect(
      (await refusedUnchanged(OPENID.secretary, 'person.reassign', { userId: xz._id, version: xz.version, orgId: 'org-member-scu' }))?.[0],
    ).toBe('NOT_FOUND');
  });

  test('a revoked expert has left the pool: no longer a candidate, and cannot be assigned', async () => {
    const checked = await decided(h, await submitted(h, OPENID.structure), 'passCheck');
    const zhao = (await h.store.get('users', 'user-reviewer-scu'))!;
    await h.as(OPENID.secretary, 'person.revoke', { userId: zhao._id, version: zhao.version, reason: '不再担任评审专家' });
    const candidates = (await h.as(OPENID.secretary, 'review.candidates', { applicationId: checked._id })).map((one) => one.userId);
    expect(candidates).toContain('user-reviewer');
    expect(candidates).not.toContain(zhao._id);
    const assign = { applicationId: checked._id, version: checked.version, reviewerIds: [zhao._id] };
    expect((await refusedUnchanged(OPENID.secretary, 'review.assign', assign))?.[0]).toBe('REVIEWER_NOT_IN_POOL');
  });

  test('nobody revokes their own acting role or erases themselves, so an organiser is never locked out', async () => {
    const secretary = (await h.store.get('users', SECRETARY))!;
    expect(
      await refusedUnchanged(OPENID.secretary, 'person.revoke', { userId: SECRETARY, version: secretary.version, reason: '测试' }),
    ).toEqual(['FORBIDDEN', '无权执行此操作：不能撤销自己的身份，请由其他秘书处成员办理']);
    expect((await refusedUnchanged(OPENID.secretary, 'person.remove', { userId: SECRETARY, reason: '测试' }))?.[1]).toContain(
      '不能删除自己的身份',
    );
  });

  test('a person removed at their request: name and phone erased, identity unbound, audit entries untouched', async () => {
    h.clock.set('2023-07-03T09:00:00+08:00');
    const draft = await h.as(OPENID.academic, 'application.create', {
      programId: 'program-sichuan-civil-2023',
      requestId: requestId(),
      content: await contentFor(h, 'program-sichuan-civil-2023', 'award'),
    });
    const auditBefore = await h.store.find('audit', { entityId: draft._id });
    expect(auditBefore.map((entry) => entry.actorName)).toContain('陈老师（学术工委）');

    const removed = await h.as(OPENID.secretary, 'person.remove', { userId: 'user-contact-academic', reason: '本人申请删除个人信息' });
    expect(removed).toMatchObject({ name: '已删除的用户', active: false, removed: true });
    expect(removed.phone).toBeUndefined();
    const stored = (await h.store.get('users', 'user-contact-academic'))!;
    expect(stored).toMatchObject({
      name: '已删除的用户',
      openid: 'removed:user-contact-academic',
      active: false,
      removedAt: h.clock.now().toISOString(),
    });
    expect('phone' in stored).toBe(false);
    expect(await refusedUnchanged(OPENID.academic, 'session.me', {})).toEqual(['NOT_REGISTERED', '当前账号尚未登记，请联系学会秘书处']);
    expect(await h.store.find('audit', { entityId: draft._id })).toEqual(auditBefore);
    // No other record keeps the name: the invitation that bound a removed newcomer is erased with them.
    const invited = await h.as(OPENID.secretary, 'invitation.create', invitation());
    const joined = await h.as(NEWCOMER, 'invitation.accept', { code: invited.code });
    await h.as(OPENID.secretary, 'person.remove', { userId: joined.user.id, reason: '本人申请删除个人信息' });
    const erased = (await h.store.get('invitations', invited._id))!;
    expect(erased).toMatchObject({ inviteeName: '已删除的用户', status: 'used' });
    expect('inviteePhone' in erased).toBe(false);
    expect(await auditOf('user-contact-academic')).toEqual([['user', 'remove', '王秘书', 'removed']]);
    // Shown as removed in the list; removing again is refused.
    expect((await h.as(OPENID.secretary, 'person.list', {})).find((person) => person.userId === 'user-contact-academic')).toMatchObject({
      removed: true,
      name: '已删除的用户',
    });
    expect((await refusedUnchanged(OPENID.secretary, 'person.remove', { userId: 'user-contact-academic', reason: '再次' }))?.[0]).toBe(
      'TRANSITION_NOT_ALLOWED',
    );
  });
});

describe('the one-time setup', () => {
  const emptyStore = Object.fromEntries(collectionNames.map((name) => [name, []])) as unknown as StoreSnapshot;
  const claim = {
    code: SETUP_CODE,
    organiserName: '四川省某某学会',
    organiserKind: 'society' as const,
    personName: '林秘书长',
    phone: '13900000009',
  };

  test('the deploy’s code makes the first caller the secretariat of a new organiser, once', async () => {
    await h.close();
    h = await startHarness({ snapshot: emptyStore });
    expect(await refusedUnchanged('wx-founder', 'setup.claim', { ...claim, code: 'not-the-setup-code' })).toEqual([
      'SETUP_CODE_INVALID',
      '初始设置码不正确',
    ]);
    expect(await refusedUnchanged(null, 'setup.claim', claim)).toEqual(['UNAUTHENTICATED', '请先登录']);

    // Two at once: exactly one becomes the secretariat.
    const [first, second] = await Promise.all([h.raw('wx-founder', 'setup.claim', claim), h.raw('wx-rival', 'setup.claim', claim)]);
    const answers = [first, second].map((result) => (result.ok ? 'ok' : result.error.code)).sort();
    expect(answers).toEqual(['SETUP_DONE', 'ok']);
    const winner = (first.ok ? 'wx-founder' : 'wx-rival') as string;
    const session = await h.as(winner, 'session.me', {});
    expect(session.user).toMatchObject({ name: '林秘书长', role: 'secretariat' });
    expect(session.org).toMatchObject({ name: '四川省某某学会', kind: 'society' });
    expect(await h.store.find('organizations', {})).toHaveLength(1);
    expect(await auditOf(session.org.id)).toEqual([['organization', 'setup', '林秘书长', 'society']]);

    expect(await refusedUnchanged('wx-third', 'setup.claim', claim)).toEqual(['SETUP_DONE', '系统已完成初始设置，请通过秘书处的邀请加入']);
    // The new organiser invites its first unit's contact.
    const unit = await h.as(winner, 'organization.create', { requestId: requestId(), kind: 'branch', name: '学术工作委员会' });
    const invited = await h.as(winner, 'invitation.create', invitation({ orgId: unit._id }));
    expect((await h.as('wx-third', 'invitation.accept', { code: invited.code })).org.name).toBe('学术工作委员会');
  });

  test('without a configured code nobody can set up, whatever they type', async () => {
    await h.close();
    h = await startHarness({ snapshot: emptyStore });
    h.deps.setupCode = null;
    expect(await refusedUnchanged('wx-founder', 'setup.claim', claim)).toEqual(['SETUP_CODE_INVALID', '初始设置码不正确']);
  });

  test('an environment with a secretariat already is set up', async () => {
    expect(await refusedUnchanged('wx-founder', 'setup.claim', claim)).toEqual([
      'SETUP_DONE',
      '系统已完成初始设置，请通过秘书处的邀请加入',
    ]);
  });
});
