// Issue 11 (deliver 1): the shared reads a list makes (its organisations' names, its programmes, the people of
// many units) take one Store call per collection, however many items the list holds. Counted through
// countingStore, the same wrapper the bench uses.
import { countingStore } from '../../cloudfunctions/api/src/adapters/counting-store';
import type { ActionInput } from '@/core/schemas/actions';
import type { Application } from '@/core/schemas/documents';
import { OPENID, PROGRAM_ID, startHarness, type Harness } from '../support/harness';
import { addApplicant, claimInput, implementingAward, submitted } from '../support/lifecycle';

const SOCIETY = 'org-scceas';

let h: Harness;
let counted: ReturnType<typeof countingStore>;
beforeEach(async () => {
  h = await startHarness();
  counted = countingStore(h.deps.store);
  h.deps.store = counted.store;
});
afterEach(async () => {
  await h.close();
});

/** The Store calls one action makes. */
async function callsOf(work: () => Promise<unknown>) {
  counted.reset();
  await work();
  return counted.counts();
}

/** Units of the society, each with a contact, and each a copy of an existing application under its name. */
async function moreUnits(count: number, template: Application | null) {
  for (let index = 0; index < count; index += 1) {
    const id = `org-extra-${index}`;
    await addApplicant(h, { id, name: `新增单位${index}`, kind: 'memberUnit', societyId: SOCIETY });
    if (template) {
      await h.store.transaction((tx) => tx.create('applications', { ...template, _id: `application-extra-${index}`, orgId: id }));
    }
  }
}

test('the queue and the people list cost the same Store calls with 1 unit or 9 more units', async () => {
  const first = await submitted(h, OPENID.structure);
  const queue = () => h.as(OPENID.secretary, 'application.queue', { programId: PROGRAM_ID });
  const people = () => h.as(OPENID.secretary, 'person.list', {});
  const before = { queue: await callsOf(queue), people: await callsOf(people) };
  const listed = (await queue()).items.length;

  const stored = (await h.store.get('applications', first._id))!;
  await moreUnits(9, stored);
  expect((await queue()).items).toHaveLength(listed + 9);
  expect((await people()).filter((person) => person.orgName.startsWith('新增单位'))).toHaveLength(9);

  const after = { queue: await callsOf(queue), people: await callsOf(people) };
  expect(after.queue.total).toBe(before.queue.total);
  expect(after.people.total).toBe(before.people.total);
  // Names of all ten-plus units come from one read of the organisations (and the queue's programmes from one more).
  expect(after.queue.find).toBeLessThanOrEqual(4);
});

test('a page of the claim queue costs the same Store calls with 1 claim waiting or 60, filtered or not', async () => {
  const award = await implementingAward(h);
  const template = await h.as(OPENID.structure, 'claim.add', claimInput(award, { links: ['https://www.tfkjy.cn/studio/detail?id=1'] }));
  const page = (filters: Partial<ActionInput<'claim.queue'>> = {}) =>
    h.as(OPENID.secretary, 'claim.queue', { programId: PROGRAM_ID, ...filters, cursor: null, limit: 20 });
  const filtered = { indicatorKey: template.indicatorKey, orgId: template.orgId };
  const before = { page: await callsOf(() => page()), filtered: await callsOf(() => page(filtered)) };

  const start = Date.parse(template.createdAt);
  await h.store.transaction(async (tx) => {
    for (let index = 0; index < 59; index += 1) {
      const createdAt = new Date(start + (index + 1) * 1000).toISOString();
      await tx.create('claims', { ...template, _id: `claim-extra-${index}`, createdAt, updatedAt: createdAt });
    }
  });
  const first = await page();
  expect(first.items).toHaveLength(20);
  expect(first.nextCursor).not.toBeNull();
  const second = await h.as(OPENID.secretary, 'claim.queue', { programId: PROGRAM_ID, cursor: first.nextCursor, limit: 20 });
  expect(second.items[0]!._id).toBe('claim-extra-19');

  const after = { page: await callsOf(() => page()), filtered: await callsOf(() => page(filtered)) };
  expect(after.page.total).toBe(before.page.total);
  expect(after.filtered.total).toBe(before.filtered.total);
  // The documents read grow by the page's claims only (20 and one more, to know another page follows; 1 before).
  expect(after.page.found - before.page.found).toBe(20);
});

test('countingStore counts reads, transactions and their writes, and resets', async () => {
  await callsOf(async () => undefined);
  await counted.store.get('programs', PROGRAM_ID);
  const found = await counted.store.find('organizations', { societyId: SOCIETY });
  await counted.store.transaction(async (tx) => {
    const program = await tx.get('programs', PROGRAM_ID);
    await tx.replace('programs', { ...program!, version: program!.version + 1 }, program!.version);
  });
  expect(counted.counts()).toEqual({
    get: 1,
    find: 1,
    found: found.length,
    transaction: 1,
    txGet: 1,
    txCreate: 0,
    txReplace: 1,
    total: 5,
  });
  counted.reset();
  expect(counted.counts().total).toBe(0);
});
