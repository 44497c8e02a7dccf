// The indexes the api's finds need (cloudfunctions/api/src/indexes.ts) are the ones declared for CloudBase in
// cloudbaserc.json, cover every find in the api's source, and exist in the embedded store's collection files.
// After changing indexes.ts: `WRITE_DB_INDEXES=1 npx jest tests/unit/store-indexes.test.ts` rewrites the
// database section of cloudbaserc.json (then `npx prettier --write cloudbaserc.json`).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedStore } from '../../cloudfunctions/api/src/adapters/embedded-store';
import { orderedPlan } from '../../cloudfunctions/api/src/adapters/ordered-index';
import { cloudbaseIndexes, leadingFields, storeIndexes } from '../../cloudfunctions/api/src/indexes';
import { collections, type CollectionName } from '@/core/schemas/documents';

const root = path.resolve(__dirname, '../..');
const rcFile = path.join(root, 'cloudbaserc.json');

interface Rc {
  framework?: { plugins?: { database?: { use: string; inputs: { collections: unknown } } } };
}

test('cloudbaserc.json declares for CloudBase exactly the indexes indexes.ts lists', () => {
  const rc = JSON.parse(readFileSync(rcFile, 'utf8')) as Rc;
  const wanted = { use: '@cloudbase/framework-plugin-database', inputs: { collections: cloudbaseIndexes() } };
  if (process.env.WRITE_DB_INDEXES) {
    rc.framework = { ...rc.framework, plugins: { ...rc.framework?.plugins, database: wanted } };
    writeFileSync(rcFile, `${JSON.stringify(rc, null, 2)}\n`);
  }
  expect(rc.framework?.plugins?.database).toEqual(wanted);
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return file.endsWith('.ts') ? [file] : [];
  });
}

test('every find in the api names a field some declared index leads with', () => {
  // `find('collection', { field: …, other })` with a literal collection and condition; `{}` (a whole
  // collection, as the ledger repair reads) needs no index.
  const pattern = /\.find\(\s*'(\w+)',\s*\{([^{}]*)\}/g;
  const unindexed: string[] = [];
  let seen = 0;
  for (const file of sourceFiles(path.join(root, 'cloudfunctions/api/src'))) {
    const text = readFileSync(file, 'utf8');
    for (const [, collection, body] of text.matchAll(pattern)) {
      const fields = body!
        .split(',')
        .map((part) => part.split(':')[0]!.trim())
        .filter((field) => /^\w+$/.test(field));
      if (fields.length === 0) continue;
      seen += 1;
      if (!(collection! in collections)) throw new Error(`unknown collection ${collection} in ${file}`);
      const indexed = [...leadingFields(collection as CollectionName), '_id'];
      if (!fields.some((field) => indexed.includes(field)))
        unindexed.push(`${path.relative(root, file)}: ${collection} { ${fields.join(', ')} }`);
    }
  }
  expect(seen).toBeGreaterThan(40);
  expect(unindexed).toEqual([]);
});

test('the embedded store creates each declared leading-field index in its collection files', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'xhjb-indexes-'));
  const store = new EmbeddedStore(dir);
  try {
    for (const collection of Object.keys(storeIndexes) as CollectionName[]) await store.find(collection, {});
    await store.close();
    for (const collection of Object.keys(storeIndexes) as CollectionName[]) {
      const lines = readFileSync(path.join(dir, `${collection}.db`), 'utf8')
        .split('\n')
        .filter(Boolean);
      const created = lines.flatMap((line) => {
        const entry = JSON.parse(line) as { $$indexCreated?: { fieldName: string } };
        return entry.$$indexCreated ? [entry.$$indexCreated.fieldName] : [];
      });
      expect({ collection, created: created.sort() }).toEqual({ collection, created: leadingFields(collection).sort() });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the claim queue and each of its filters page along an index, not by sorting every pending claim', () => {
  const pending = { programId: 'p', verification: 'pending' };
  const planOf = (where: Record<string, string | boolean>) => orderedPlan('claims', where, 'createdAt')?.fields;
  expect(planOf(pending)).toEqual(['programId', 'verification', 'createdAt']);
  expect(planOf({ ...pending, indicatorKey: 'k' })).toEqual(['programId', 'verification', 'indicatorKey', 'createdAt']);
  expect(planOf({ ...pending, orgId: 'o' })).toEqual(['programId', 'verification', 'orgId', 'createdAt']);
  expect(planOf({ ...pending, duplicated: true })).toEqual(['programId', 'verification', 'duplicated', 'createdAt']);
  // Two filters together walk one filter's index and match the other on the way.
  expect(planOf({ ...pending, indicatorKey: 'k', orgId: 'o' })).toHaveLength(4);
});
