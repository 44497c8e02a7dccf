// Evidence a verifier can trust (issue 10, deliver 4): photos, PDFs and 天府科技云 links with the activity's day and
// place; for every photo a SHA-256, a perceptual hash and its EXIF capture time; and a photo claimed twice, the same
// bytes or a re-compressed and resized copy, flagged on the later claim with the earlier use named.
import { createHash } from 'node:crypto';
import { formatCalendarDay, shanghaiDay } from '@/core/calendar/shanghai';
import { PHASH_NEAR_BITS, hammingDistance } from '@/core/evidence/fingerprints';
import type { ApplicationView } from '@/core/schemas/actions';
import { OPENID, PROGRAM_ID, refusal, startHarness, type Harness } from '../support/harness';
import { claimInput, implementingAward } from '../support/lifecycle';
import { recompressed, scenePhoto, withExifTime } from '../support/photos';
import { PDF_BYTES, uploadedThroughSlot } from '../support/uploads';

// Decoding and hashing photos with jimp (pure JavaScript) is slow inside jest's sandbox: seconds per photo under load.
jest.setTimeout(60_000);

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

async function photoClaim(award: ApplicationView, openid: string, bytes: Buffer, indicatorKey = 'published-results') {
  const fileId = await uploadedThroughSlot(h, openid, award._id, 'claim', bytes);
  return h.as(openid, 'claim.add', claimInput(award, { indicatorKey, fileIds: [fileId] }));
}

test('the same photo claimed again under another indicator is flagged identical, naming the first use; the queue shows it', async () => {
  const award = await implementingAward(h);
  const photo = await scenePhoto(1);
  const first = await photoClaim(award, OPENID.structure, photo, 'published-results');
  expect(first.duplicates).toEqual([]);

  const second = await photoClaim(award, OPENID.structure, photo, 'papers-recommended');
  expect(second.duplicates).toEqual([
    expect.objectContaining({
      claimId: first._id,
      applicationId: award._id,
      indicatorKey: 'published-results',
      indicatorName: '发布科技服务能力、高新技术、科技成果',
      projectName: award.projectName,
      fileId: second.fileIds[0],
      otherFileId: first.fileIds[0],
      match: 'identical',
    }),
  ]);
  const queue = (await h.as(OPENID.secretary, 'claim.queue', { programId: PROGRAM_ID })).items;
  expect(queue.find((row) => row._id === second._id)?.duplicates).toEqual(second.duplicates);
  expect(queue.find((row) => row._id === first._id)?.duplicates).toEqual([]);
});

test('a re-compressed, resized copy claimed under another award is flagged similar; a different photo is not flagged', async () => {
  const structure = await implementingAward(h, OPENID.structure);
  const academic = await implementingAward(h, OPENID.academic);
  const photo = await scenePhoto(2);
  const copy = await recompressed(photo);
  expect(copy.equals(photo)).toBe(false);
  expect(copy.length).toBeLessThan(photo.length);

  const first = await photoClaim(structure, OPENID.structure, photo);
  const again = await photoClaim(academic, OPENID.academic, copy);
  expect(again.duplicates).toEqual([
    expect.objectContaining({ claimId: first._id, applicationId: structure._id, match: 'similar', projectName: structure.projectName }),
  ]);
  expect(again.fileFacts[0].sha256).not.toBe(first.fileFacts[0].sha256);

  const other = await photoClaim(academic, OPENID.academic, await scenePhoto(3));
  expect(other.duplicates).toEqual([]);
  // The margin on both sides of the threshold: the copy is a few bits away, a different scene far beyond it.
  const [original, copied, different] = [first, again, other].map((claim) => claim.fileFacts[0].phash!);
  expect(hammingDistance(original, copied)).toBeLessThanOrEqual(4);
  expect(hammingDistance(original, different)).toBeGreaterThan(2 * PHASH_NEAR_BITS);
});

test('each photo keeps its SHA-256, perceptual hash, EXIF capture time (null when absent) and the time the server received it', async () => {
  const award = await implementingAward(h);
  const plain = await scenePhoto(4);
  // 10:30 on a camera set to Shanghai time, and 10:30 on one that records UTC+02:00.
  const shanghai = withExifTime(plain, '2024:05:01 10:30:00');
  const abroad = withExifTime(await scenePhoto(5), '2024:05:01 10:30:00', '+02:00');
  const fileIds = [
    await uploadedThroughSlot(h, OPENID.structure, award._id, 'claim', shanghai),
    await uploadedThroughSlot(h, OPENID.structure, award._id, 'claim', abroad),
    await uploadedThroughSlot(h, OPENID.structure, award._id, 'claim', await scenePhoto(6)),
  ];
  const claim = await h.as(OPENID.structure, 'claim.add', claimInput(award, { fileIds }));
  expect(claim.fileFacts).toEqual([
    {
      fileId: fileIds[0],
      sha256: createHash('sha256').update(shanghai).digest('hex'),
      phash: expect.stringMatching(/^[0-9a-f]{16}$/),
      capturedAt: '2024-05-01T02:30:00.000Z',
      captureSource: 'exif',
      receivedAt: claim.createdAt,
    },
    expect.objectContaining({ fileId: fileIds[1], capturedAt: '2024-05-01T08:30:00.000Z' }),
    expect.objectContaining({ fileId: fileIds[2], capturedAt: null, captureSource: null }),
  ]);
  // The EXIF segment changes the bytes, not the picture.
  const unmarked = await photoClaim(await implementingAward(h, OPENID.academic), OPENID.academic, plain);
  expect(hammingDistance(unmarked.fileFacts[0].phash!, claim.fileFacts[0].phash!)).toBeLessThanOrEqual(1);
});

test('a PDF and a 天府科技云 link are accepted as evidence, with the activity day and place; a PDF gets no perceptual hash', async () => {
  const award = await implementingAward(h);
  const pdf = await uploadedThroughSlot(h, OPENID.structure, award._id, 'claim', PDF_BYTES, 'pdf');
  const day = shanghaiDay(h.clock.now());
  const withPdf = await h.as(
    OPENID.structure,
    'claim.add',
    claimInput(award, { fileIds: [pdf], activityOn: day, place: '成都市武侯区 学会报告厅' }),
  );
  expect(withPdf).toMatchObject({ activityOn: day, place: '成都市武侯区 学会报告厅', links: [] });
  expect(withPdf.fileFacts).toEqual([expect.objectContaining({ fileId: pdf, phash: null, capturedAt: null })]);

  const link = 'https://www.tfkjy.cn/studio/detail?id=2023001';
  const linked = await h.as(OPENID.structure, 'claim.add', claimInput(award, { links: [link] }));
  expect(linked).toMatchObject({ links: [link], fileIds: [], fileFacts: [], duplicates: [] });
});

test('a link off 天府科技云 or not https, a day in the future, or no evidence at all is refused in Chinese and nothing is saved', async () => {
  const award = await implementingAward(h);
  const before = (await h.store.find('claims', { applicationId: award._id })).length;
  for (const link of [
    'http://www.tfkjy.cn/studio/1',
    'https://tfkjy.cn.example.com/1',
    'https://example.com/?tfkjy.cn',
    'javascript:alert(1)',
  ]) {
    const [code, message] = refusal(await h.raw(OPENID.structure, 'claim.add', claimInput(award, { links: [link] })))!;
    expect(code).toBe('INVALID_INPUT');
    expect(message).toContain('天府科技云（tfkjy.cn）');
  }
  const tomorrow = shanghaiDay(new Date(h.clock.now().getTime() + 24 * 3600_000));
  const link = 'https://www.tfkjy.cn/studio/1';
  expect(refusal(await h.raw(OPENID.structure, 'claim.add', claimInput(award, { links: [link], activityOn: tomorrow })))).toEqual([
    'INVALID_INPUT',
    `输入有误：活动日期不能晚于今天（${formatCalendarDay(shanghaiDay(h.clock.now()))}）`,
  ]);
  const [, nothing] = refusal(await h.raw(OPENID.structure, 'claim.add', claimInput(award)))!;
  expect(nothing).toContain('请至少上传一份佐证材料');
  expect(await h.store.find('claims', { applicationId: award._id })).toHaveLength(before);
  expect(await h.store.find('evidenceFingerprints', { applicationId: award._id })).toEqual([]);
});
