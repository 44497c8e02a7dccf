// A photo's capture time survives the phone's compression (issue 10, deliver 4: "for photos the capture time read
// from EXIF where present and the server's receipt time"). The phone redraws a photo (H5 canvas, WeChat's
// compressImage) before sending it, which drops EXIF: it reads the original's time first and reports it with the
// upload slot. The stored bytes' own EXIF time wins; the phone's fills in where the bytes carry none; a time in the
// future is refused in Chinese before any slot is issued.
import { OPENID, refusal, startHarness, type Harness } from '../support/harness';
import { claimInput, implementingAward } from '../support/lifecycle';
import { scenePhoto, withExifTime } from '../support/photos';
import { uploadedThroughSlot } from '../support/uploads';

// Decoding and hashing photos with jimp is slow inside jest's sandbox under load.
jest.setTimeout(60_000);

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

test('a compressed photo without EXIF takes the time the phone read from the original, marked as the phone’s', async () => {
  const award = await implementingAward(h);
  // 09:30 on 28 June in Shanghai (the call runs in July 2023), as the phone reports it (with its offset; kept as UTC).
  const fileId = await uploadedThroughSlot(
    h,
    OPENID.structure,
    award._id,
    'claim',
    await scenePhoto(11),
    'jpg',
    '2023-06-28T09:30:00+08:00',
  );
  const claim = await h.as(OPENID.structure, 'claim.add', claimInput(award, { fileIds: [fileId] }));
  expect(claim.fileFacts).toEqual([
    expect.objectContaining({ fileId, capturedAt: '2023-06-28T01:30:00.000Z', captureSource: 'phone', receivedAt: claim.createdAt }),
  ]);
  // The verifier reads it back the same way from the queue.
  const [stored] = (await h.store.find('claims', { applicationId: award._id })).map((found) => found.fileFacts);
  expect(stored[0]).toMatchObject({ capturedAt: '2023-06-28T01:30:00.000Z', captureSource: 'phone' });
});

test('a photo whose stored bytes carry EXIF keeps its EXIF time, whatever the phone reported; no time at all stays unknown', async () => {
  const award = await implementingAward(h);
  const withExif = withExifTime(await scenePhoto(12), '2023:05:01 10:30:00');
  const fileIds = [
    await uploadedThroughSlot(h, OPENID.structure, award._id, 'claim', withExif, 'jpg', '2023-06-30T12:00:00Z'),
    await uploadedThroughSlot(h, OPENID.structure, award._id, 'claim', await scenePhoto(13)),
  ];
  const claim = await h.as(OPENID.structure, 'claim.add', claimInput(award, { fileIds }));
  expect(claim.fileFacts).toEqual([
    expect.objectContaining({ fileId: fileIds[0], capturedAt: '2023-05-01T02:30:00.000Z', captureSource: 'exif' }),
    expect.objectContaining({ fileId: fileIds[1], capturedAt: null, captureSource: null }),
  ]);
});

test('a reported time in the future or outside the sane years is refused in Chinese and no slot is issued', async () => {
  const award = await implementingAward(h);
  const slots = async () => (await h.store.find('uploads', { applicationId: award._id })).length;
  const before = await slots();
  const now = h.clock.now().getTime();
  const ask = (capturedAt: string) =>
    h.raw(OPENID.structure, 'file.slot', { applicationId: award._id, purpose: 'claim', extension: 'jpg', capturedAt });

  const [code, message] = refusal(await ask(new Date(now + 60 * 60_000).toISOString()))!;
  expect(code).toBe('INVALID_INPUT');
  expect(message).toContain('照片拍摄时间');
  expect(message).toContain('不能晚于现在');
  for (const absurd of ['1970-01-01T00:00:00Z', '2150-01-01T00:00:00Z']) {
    const refused = refusal(await ask(absurd));
    expect(refused?.[0]).toBe('INVALID_INPUT');
    expect(refused?.[1]).toContain('日期应在 2000 年至 2099 年之间');
  }
  expect(refusal(await ask('昨天下午'))?.[0]).toBe('INVALID_INPUT');
  expect(await slots()).toBe(before);

  // A phone clock a couple of minutes ahead of the server's is tolerated.
  const ahead = new Date(now + 2 * 60_000).toISOString();
  const slot = await ask(ahead);
  expect(slot.ok).toBe(true);
  expect(await slots()).toBe(before + 1);
  const [issued] = await h.store.find('uploads', { applicationId: award._id, capturedAt: ahead });
  expect(issued).toBeDefined();
});
