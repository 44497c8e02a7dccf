import { collections, type CollectionName, type DocumentOf } from '@/core/schemas/documents';
import type { Clock, Store } from '../ports';
import { demoOrganizations, demoPrograms, demoUsers } from './demo-data';

/** Creates what is missing and leaves what exists untouched, so it is safe on every start. */
export async function seedDemoData(store: Store, clock: Clock): Promise<{ created: number }> {
  const stamp = { version: 1, createdAt: clock.now().toISOString(), updatedAt: clock.now().toISOString() };
  const wanted: [CollectionName, { _id: string }][] = [
    ...demoOrganizations.map((doc) => ['organizations', doc] as [CollectionName, { _id: string }]),
    ...demoUsers.map((doc) => ['users', doc] as [CollectionName, { _id: string }]),
    ...demoPrograms().map((doc) => ['programs', doc] as [CollectionName, { _id: string }]),
  ];
  let created = 0;
  await store.transaction(async (tx) => {
    for (const [collection, doc] of wanted) {
      if (await tx.get(collection, doc._id)) continue;
      await tx.create(collection, collections[collection].parse({ ...doc, ...stamp }) as DocumentOf<typeof collection>);
      created += 1;
    }
  });
  return { created };
}
