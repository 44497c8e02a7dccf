// The indexes the api's queries need, in one place: collection → indexes, each the fields of one index in order
// (the equality fields a find names first, then the field it orders by). The embedded store creates an index
// on each one's leading field when it opens a collection (NeDB uses one field's index per query); CloudBase
// takes them all, compound ones included, from cloudbaserc.json's database plugin, which
// tests/unit/store-indexes.test.ts holds equal to this table (WRITE_DB_INDEXES=1 rewrites it) and which checks that
// every find in cloudfunctions/api/src names a leading field here.
import { collections, type CollectionName } from '@/core/schemas/documents';

/** Per collection, most selective first: the embedded store looks a query up by the first index it can use. */
export const storeIndexes: { readonly [C in CollectionName]?: readonly (readonly string[])[] } = {
  organizations: [
    ['societyId', 'createdAt'],
    ['societyId', 'name'],
  ],
  users: [['openid', 'createdAt'], ['orgId', 'role'], ['role']],
  programs: [['code'], ['societyId', 'opensAt']],
  applications: [
    ['programId', 'status', 'updatedAt'],
    // The queue (statuses in order of submission) and the ranking (one category by the running mean score).
    ['programId', 'status', 'submittedAt'],
    ['programId', 'categoryKey', 'status', 'rankScore'],
    ['programId', 'orgId'],
    ['orgId', 'updatedAt'],
    ['status'],
  ],
  claims: [
    ['applicationId', 'createdAt'],
    ['programId', 'indicatorKey', 'createdAt'],
    // The claim queue (pending claims oldest first) and its filters: one indicator, one unit, evidence used twice.
    ['programId', 'verification', 'createdAt'],
    ['programId', 'verification', 'indicatorKey', 'createdAt'],
    ['programId', 'verification', 'orgId', 'createdAt'],
    ['programId', 'verification', 'duplicated', 'createdAt'],
  ],
  reviews: [
    ['applicationId', 'reviewerId'],
    ['applicationId', 'status'],
    ['reviewerId', 'createdAt'],
    ['reviewerId', 'status', 'createdAt'],
    ['programId'],
  ],
  publicities: [['programId', 'createdAt'], ['status']],
  objections: [
    ['applicationId', 'status'],
    ['publicityId', 'createdAt'],
  ],
  indicatorTallies: [['programId']],
  indicatorValues: [['programId', 'indicatorKey', 'on']],
  notifications: [
    ['userId', 'createdAt'],
    ['userId', 'readAt'],
  ],
  audit: [
    ['entityId', 'at'],
    ['actorId', 'at'],
  ],
  mediaChecks: [['traceId'], ['fileId']],
  // A notice's opening job under way, and the timer's running jobs.
  batchJobs: [['programId', 'kind', 'status'], ['status']],
  invitations: [['code'], ['userId', 'createdAt'], ['organiserId', 'createdAt']],
  evidenceFingerprints: [
    ['sha256', 'societyId'],
    ['band0', 'societyId'],
    ['band1', 'societyId'],
    ['band2', 'societyId'],
    ['band3', 'societyId'],
    ['band4', 'societyId'],
    ['band5', 'societyId'],
    ['band6', 'societyId'],
    ['band7', 'societyId'],
  ],
};

/** The fields the embedded store indexes in a collection: each declared index's leading field, in order. */
export function leadingFields(collection: CollectionName): string[] {
  return [...new Set((storeIndexes[collection] ?? []).map((fields) => fields[0]!))];
}

/** One CloudBase index as the CloudBase Framework database plugin declares it (createIndexes in cloudbaserc). */
export interface CloudbaseIndex {
  name: string;
  unique: boolean;
  keys: { name: string; direction: '1' | '-1' }[];
}

/** Every collection to create on CloudBase, with the indexes storeIndexes gives it (none: no createIndexes). */
export function cloudbaseIndexes(): { collectionName: string; description: string; createIndexes?: CloudbaseIndex[] }[] {
  return (Object.keys(collections) as CollectionName[]).map((collection) => {
    const indexes = storeIndexes[collection] ?? [];
    return {
      collectionName: collection,
      description: `学会奖补通 ${collection}`,
      ...(indexes.length === 0
        ? {}
        : {
            createIndexes: indexes.map((fields) => ({
              name: fields.join('_'),
              unique: false,
              keys: fields.map((field) => ({ name: field, direction: '1' as const })),
            })),
          }),
    };
  });
}
