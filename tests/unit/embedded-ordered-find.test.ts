// Issue 11 (goal: read actions at 100× within 2× of 1×): on the embedded store a paged, ordered find whose conditions
// and order field make up a declared index (applications: programId, status, submittedAt) tests about one page of
// documents, not every match: counted at NeDB's own matcher, which both the ordered walk and NeDB's find use.
import type * as nedbModel from '@seald-io/nedb/lib/model.js';
import { EmbeddedStore } from '../../cloudfunctions/api/src/adapters/embedded-store';
import type { Application } from '@/core/schemas/documents';

// The module object itself (an ES namespace import would be a copy): NeDB's find and the store both call through it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const model = require('@seald-io/nedb/lib/model.js') as typeof nedbModel;

const PER_PROGRAMME = 1500;
const statuses = ['submitted', 'checked', 'approved'] as const;

/** A bare application: only the fields the queue's find looks at (the store does not check documents). */
function application(programId: string, index: number): Application {
  const minute = String(index % 60).padStart(2, '0');
  const hour = String(Math.floor(index / 60) % 24).padStart(2, '0');
  return {
    _id: `${programId}-${String(index).padStart(5, '0')}`,
    version: 1,
    programId,
    status: statuses[index % statuses.length]!,
    // Many share a submission time: the _id keeps their order.
    submittedAt: `2026-03-${String(1 + (index % 5)).padStart(2, '0')}T${hour}:${minute}:00.000Z`,
  } as unknown as Application;
}

test('a page of an ordered find tests about a page of documents, in the same order as reading them all', async () => {
  const store = new EmbeddedStore(null);
  try {
    await store.transaction(async (tx) => {
      for (let index = 0; index < PER_PROGRAMME; index += 1) {
        await tx.create('applications', application('p1', index));
        await tx.create('applications', application('p2', index));
      }
    });
    const where = { programId: 'p1', status: { in: ['submitted', 'approved'] } };
    const orderBy = { field: 'submittedAt', direction: 'asc' } as const;
    const all = await store.find('applications', where, { orderBy });
    expect(all).toHaveLength((PER_PROGRAMME * 2) / 3);

    const matched = jest.spyOn(model, 'match');
    try {
      // Read whole, NeDB tests every candidate of the programme.
      await store.find('applications', where, { orderBy });
      expect(matched.mock.calls.length).toBeGreaterThanOrEqual(PER_PROGRAMME);
      matched.mockClear();
      const page = await store.find('applications', where, { orderBy, skip: 60, limit: 31 });
      expect(page.map((doc) => doc._id)).toEqual(all.slice(60, 91).map((doc) => doc._id));
      expect(matched.mock.calls.length).toBeLessThanOrEqual(91);
      matched.mockClear();
      const newest = await store.find('applications', where, { orderBy: { ...orderBy, direction: 'desc' }, limit: 5 });
      expect(newest.map((doc) => doc._id)).toEqual(
        [...all]
          .reverse()
          .slice(0, 5)
          .map((doc) => doc._id),
      );
      expect(matched.mock.calls.length).toBeLessThanOrEqual(5);
    } finally {
      matched.mockRestore();
    }
  } finally {
    await store.close();
  }
});
