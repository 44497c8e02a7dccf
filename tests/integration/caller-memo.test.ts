// Every call reads its caller's roles and organisation; on the embedded store (the local server) they are kept
// between calls until the store has a transaction asked of it (read-memo.ts). Kept or read, a call sees the same:
// a role revoked, an organisation renamed or a contact moved shows on the very next call, over HTTP too.
import { countingStore } from '../../cloudfunctions/api/src/adapters/counting-store';
import { EmbeddedStore } from '../../cloudfunctions/api/src/adapters/embedded-store';
import { remembered } from '../../cloudfunctions/api/src/read-memo';
import { activeRolesOf, resolveCaller } from '../../cloudfunctions/api/src/roles';
import type { Store } from '../../cloudfunctions/api/src/ports';
import { OPENID, startHarness, type Harness } from '../support/harness';
import { startLocalHttp, type LocalHttp } from '../support/local-http';

const DESIGN = 'user-contact-design';

let h: Harness;
let http: LocalHttp;
beforeEach(async () => {
  h = await startHarness();
  http = await startLocalHttp(h);
});
afterEach(async () => {
  await http.close();
  await h.close();
});

test('a role revoked between two calls of a signed-in contact: the next call is refused', async () => {
  const token = await http.signIn(DESIGN);
  for (let call = 0; call < 3; call += 1) expect((await http.api(token, 'session.me', {})).data.user.id).toBe(DESIGN);
  const design = (await h.store.get('users', DESIGN))!;
  await h.as(OPENID.secretary, 'person.revoke', { userId: DESIGN, version: design.version, reason: '已调离该单位' });
  expect((await http.api(token, 'session.me', {})).error?.code).toBe('NOT_REGISTERED');
  expect((await http.api(token, 'program.list', {})).error?.code).toBe('NOT_REGISTERED');
});

test('the unread count on every page follows a new message, and its reading, on the next call', async () => {
  const token = await http.signIn(DESIGN);
  const unread = async () => (await http.api(token, 'session.me', {})).data.unreadNotifications as number;
  const before = await unread();
  expect(await unread()).toBe(before); // kept between calls
  const stamp = h.clock.now().toISOString();
  await h.store.transaction((tx) =>
    tx.create('notifications', {
      _id: 'memo-new-message',
      version: 1,
      createdAt: stamp,
      updatedAt: stamp,
      userId: DESIGN,
      title: '测试消息',
      body: '测试',
      page: null,
      readAt: null,
    } as never),
  );
  expect(await unread()).toBe(before + 1);
  await h.as(OPENID.design, 'notification.read', { ids: ['memo-new-message'] });
  expect(await unread()).toBe(before);
});

test('an organisation renamed, and a contact moved to another unit, show on the next call', async () => {
  const token = await http.signIn(DESIGN);
  const before = (await http.api(token, 'session.me', {})).data;
  const unit = await h.as(OPENID.secretary, 'organization.get', { organizationId: before.org.id });
  await h.as(OPENID.secretary, 'organization.update', {
    organizationId: unit._id,
    version: unit.version,
    name: `${unit.name}（新）`,
    profile: unit.profile,
  });
  expect((await http.api(token, 'session.me', {})).data.org.name).toBe(`${unit.name}（新）`);

  const other = (await h.as(OPENID.secretary, 'organization.list', {})).find(
    (org) => org.kind === unit.kind && org._id !== unit._id && org.active,
  )!;
  const design = (await h.store.get('users', DESIGN))!;
  await h.as(OPENID.secretary, 'person.reassign', { userId: DESIGN, version: design.version, orgId: other._id });
  expect((await http.api(token, 'session.me', {})).data.org).toMatchObject({ id: other._id, name: other.name });
});

describe('on the embedded store itself', () => {
  let store: EmbeddedStore;
  beforeEach(async () => {
    store = new EmbeddedStore(null);
    const stamp = '2023-07-01T00:00:00.000Z';
    await store.transaction(async (tx) => {
      await tx.create('organizations', { _id: 'org-a', name: '甲单位', kind: 'unit' } as never);
      for (const [id, createdAt] of [
        ['user-1', stamp],
        ['user-2', '2023-07-02T00:00:00.000Z'],
      ] as const) {
        await tx.create('users', {
          _id: id,
          version: 1,
          createdAt,
          updatedAt: createdAt,
          openid: 'wx-one',
          name: '张三',
          role: 'applicant',
          orgId: 'org-a',
          subscriptions: {},
          active: true,
          removedAt: null,
        } as never);
      }
    });
  });
  afterEach(() => store.close());

  test('a second call reads nothing from the store, and what it is handed cannot be changed', async () => {
    const find = jest.spyOn(store, 'find');
    const get = jest.spyOn(store, 'get');
    const first = await resolveCaller(store, 'wx-one', 'user-2');
    const second = await resolveCaller(store, 'wx-one', 'user-2');
    await first.organization();
    expect([second.user._id, (await second.organization()).name]).toEqual(['user-2', '甲单位']);
    expect([find.mock.calls.length, get.mock.calls.length]).toEqual([1, 1]);
    expect(() => {
      (first.user as { name: string }).name = '李四';
    }).toThrow(TypeError);
    expect(() => ((first.user.subscriptions as Record<string, unknown>).x = 1)).toThrow(TypeError);
    expect((await activeRolesOf(store, 'wx-one')).map((role) => role.name)).toEqual(['张三', '张三']);
  });

  test('a read while a transaction runs sees what is committed, and the first read after its commit sees what it wrote', async () => {
    expect((await activeRolesOf(store, 'wx-one')).map((role) => role._id)).toEqual(['user-1', 'user-2']);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const revoking = store.transaction(async (tx) => {
      const user = (await tx.get('users', 'user-1'))!;
      await gate;
      await tx.replace('users', { ...user, version: user.version + 1, active: false }, user.version);
    });
    // Not kept waiting behind the transaction's work: the roles as committed so far.
    expect((await activeRolesOf(store, 'wx-one')).map((role) => role._id)).toEqual(['user-1', 'user-2']);
    release();
    await revoking;
    // What was read while it ran is not kept past its commit.
    expect((await activeRolesOf(store, 'wx-one')).map((role) => role._id)).toEqual(['user-2']);
  });

  test('a transaction that wrote nothing, or failed, still drops what was kept', async () => {
    const find = jest.spyOn(store, 'find');
    await activeRolesOf(store, 'wx-one');
    await store.transaction(async () => undefined);
    await activeRolesOf(store, 'wx-one');
    await expect(store.transaction(() => Promise.reject(new Error('no')))).rejects.toThrow('no');
    await activeRolesOf(store, 'wx-one');
    expect(find).toHaveBeenCalledTimes(3);
  });

  test('a store that does not count its transactions (CloudBase, a wrapper) is read on every call', async () => {
    const counted = countingStore(store as Store);
    await resolveCaller(counted.store, 'wx-one', undefined);
    // The organisation only when a handler asks for it, once in a call however often it is asked.
    expect(counted.counts()).toMatchObject({ find: 1, get: 0 });
    const caller = await resolveCaller(counted.store, 'wx-one', undefined);
    const [once, again] = await Promise.all([caller.organization(), caller.organization()]);
    expect(again).toBe(once);
    expect(counted.counts()).toMatchObject({ find: 2, get: 1 });
    let loads = 0;
    const load = async () => (loads += 1);
    await remembered({}, 'key', load);
    await remembered({}, 'key', load);
    expect(loads).toBe(2);
  });

  test('calls arriving together share one read; a failed read is not kept', async () => {
    const find = jest.spyOn(store, 'find');
    const together = await Promise.all([1, 2, 3].map(() => activeRolesOf(store, 'wx-one')));
    expect(together.map((roles) => roles.length)).toEqual([2, 2, 2]);
    expect(find).toHaveBeenCalledTimes(1);
    const failing = { changes: 0 };
    await expect(remembered(failing, 'key', () => Promise.reject(new Error('offline')))).rejects.toThrow('offline');
    expect(await remembered(failing, 'key', async () => 'read again')).toBe('read again');
  });
});
