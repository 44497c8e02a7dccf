// One contract for the Files port, run against both adapters: local disk (the embedded stack) and the CloudBase
// adapter on an in-memory stand-in of CloudBase storage. Exports are saved through it and evidence packs read
// every file through its stream, so both must agree on bytes, sizes and missing files.
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { ManualClock } from '../../cloudfunctions/api/src/adapters/clocks';
import { CloudbaseFiles } from '../../cloudfunctions/api/src/adapters/cloudbase-files';
import { LocalFiles } from '../../cloudfunctions/api/src/adapters/local-files';
import type { Files } from '../../cloudfunctions/api/src/ports';
import { fakeCloudbaseStorage } from '../support/fake-cloudbase';

interface Adapter {
  name: string;
  open(): Promise<{ files: Files; dispose(): Promise<void> }>;
}

const adapters: Adapter[] = [
  {
    name: 'local disk',
    async open() {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'xhjb-files-'));
      const files = new LocalFiles(dir, 'contract-secret', new ManualClock('2023-07-03T09:00:00+08:00'));
      return { files, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'CloudBase adapter on an in-memory storage stand-in',
    async open() {
      const fake = await fakeCloudbaseStorage();
      return { files: new CloudbaseFiles(fake.storage), dispose: fake.close };
    },
  },
];

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

for (const adapter of adapters) {
  describe(`Files contract: ${adapter.name}`, () => {
    let files: Files;
    let dispose: () => Promise<void>;
    beforeEach(async () => {
      ({ files, dispose } = await adapter.open());
    });
    afterEach(async () => {
      await dispose();
    });

    test('a saved buffer reads back as a stream of the same bytes, and its size and type are known', async () => {
      const saved = await files.save('exports/p1/台账.png', PNG);
      expect(saved.size).toBe(PNG.length);
      const stream = await files.read(saved.fileId);
      expect(stream).not.toBeNull();
      expect(Buffer.compare(await buffer(stream as Readable), PNG)).toBe(0);
      expect(await files.inspect(saved.fileId)).toEqual({ size: PNG.length, sniffedType: 'image/png' });
      expect(await files.temporaryUrl(saved.fileId, 60)).toEqual(expect.any(String));
    });

    test('a file on the function’s disk is saved from a read stream, whole', async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'xhjb-files-src-'));
      try {
        const large = Buffer.alloc(3 * 1024 * 1024 + 17, 3);
        const source = path.join(dir, 'pack.zip');
        writeFileSync(source, large);
        const saved = await files.save('exports/p1/证据包.zip', createReadStream(source));
        expect(saved.size).toBe(large.length);
        const back = await buffer((await files.read(saved.fileId)) as Readable);
        expect(back.length).toBe(large.length);
        expect(Buffer.compare(back, large)).toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    test('a file that is not stored reads as null, not as an error', async () => {
      const saved = await files.save('exports/p1/a.png', PNG);
      const missing = saved.fileId.replace('a.png', 'missing.png');
      expect(await files.read(missing)).toBeNull();
      expect(await files.inspect(missing)).toBeNull();
    });
  });
}
