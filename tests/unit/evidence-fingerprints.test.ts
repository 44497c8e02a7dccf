// Issue 10, deliver 4: comparing evidence fingerprints, reading EXIF times, 天府科技云 links (seed 002, line 44:
// "项目申报平台为天府科技云平台（网址：https://www.tfkjy.cn）") and which files a restored claim draft may keep.
import { activityDayProblem, isTfkjyLink } from '@/core/evidence/claim-evidence';
import { restorableFileIds } from '@/core/evidence/file-ids';
import { PHASH_BANDS, PHASH_NEAR_BITS, evidenceMatch, exifTimeToIso, hammingDistance, phashBands } from '@/core/evidence/fingerprints';

const SHA_A = 'a'.repeat(64);
const SHA_B = 'b'.repeat(64);

test('hashes differing in a few bits are the same picture; beyond the threshold they are different photos', () => {
  expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
  expect(hammingDistance('98695084a8003080', '98695084a8003081')).toBe(1);
  const base = '0000000000000000';
  const near = '000000000000007f'; // 7 bits
  const far = '00000000000000ff'; // 8 bits
  expect(evidenceMatch({ sha256: SHA_A, phash: base }, { sha256: SHA_A, phash: null })).toBe('identical');
  expect(evidenceMatch({ sha256: SHA_A, phash: base }, { sha256: SHA_B, phash: near })).toBe('similar');
  expect(evidenceMatch({ sha256: SHA_A, phash: base }, { sha256: SHA_B, phash: far })).toBeNull();
  // A PDF has no picture: only identical bytes match.
  expect(evidenceMatch({ sha256: SHA_A, phash: null }, { sha256: SHA_B, phash: null })).toBeNull();
  expect(() => hammingDistance('xyz', base)).toThrow(RangeError);
});

test('any two hashes within the threshold share at least one band, so the band lookup finds every near copy', () => {
  expect(PHASH_BANDS).toBeGreaterThan(PHASH_NEAR_BITS);
  expect(phashBands('98695084a8003080')).toEqual(['98', '69', '50', '84', 'a8', '00', '30', '80']);
  // The worst case: the differing bits spread one per band, over as many bands as the threshold allows.
  const spread = '0101010101010100';
  expect(hammingDistance('0000000000000000', spread)).toBe(PHASH_NEAR_BITS);
  const shared = phashBands('0000000000000000').filter((band, index) => band === phashBands(spread)[index]);
  expect(shared.length).toBeGreaterThanOrEqual(1);
});

test('an EXIF time is read on Shanghai time unless the photo records its offset; nonsense is no time', () => {
  expect(exifTimeToIso('2024:05:01 10:30:00')).toBe('2024-05-01T02:30:00.000Z');
  expect(exifTimeToIso('2024:05:01 10:30:00', '+02:00')).toBe('2024-05-01T08:30:00.000Z');
  expect(exifTimeToIso('2024:02:30 10:30:00')).toBeNull();
  expect(exifTimeToIso('0000:00:00 00:00:00')).toBeNull();
  expect(exifTimeToIso(undefined)).toBeNull();
  expect(exifTimeToIso(1714530600)).toBeNull();
});

test('only https links on 天府科技云 or its subdomains are evidence links', () => {
  expect(isTfkjyLink('https://www.tfkjy.cn/studio/detail?id=1')).toBe(true);
  expect(isTfkjyLink('https://tfkjy.cn/')).toBe(true);
  expect(isTfkjyLink('https://WWW.TFKJY.CN/a')).toBe(true);
  for (const bad of [
    'http://www.tfkjy.cn/a',
    'https://tfkjy.cn.example.com/a',
    'https://eviltfkjy.cn/a',
    'https://user:pw@www.tfkjy.cn/a',
    'https://www.tfkjy.cn:8443/a',
    'https://example.com/?u=tfkjy.cn',
    'www.tfkjy.cn/a',
    'https://www.tfkjy.cn/a b',
  ]) {
    expect([bad, isTfkjyLink(bad)]).toEqual([bad, false]);
  }
});

test('the activity day may be today in Shanghai but not tomorrow', () => {
  const now = new Date('2024-05-01T17:00:00Z'); // already 2 May, 01:00 in Shanghai
  expect(activityDayProblem('2024-05-02', now)).toBeNull();
  expect(activityDayProblem('2024-05-03', now)).toBe('活动日期不能晚于今天（2024年5月2日）');
});

test('a restored claim draft keeps only files of this application that this person uploaded', () => {
  const mine = 'cloud://env.bucket/evidence/app_1/u_user-1/0123456789abcdef0123456789abcdef.jpg';
  const colleague = 'cloud://env.bucket/evidence/app_1/u_user-2/0123456789abcdef0123456789abcdef.jpg';
  const otherApplication = 'cloud://env.bucket/evidence/app_2/u_user-1/0123456789abcdef0123456789abcdef.jpg';
  const outside = 'cloud://env.bucket/avatars/u_user-1/x.jpg';
  const traversal = 'local://evidence/app_1/u_user-1/../../app_2/u_user-1/x.jpg';
  const all = [mine, colleague, otherApplication, outside, traversal, 'not a file id'];
  expect(restorableFileIds(all, 'app_1', 'user-1')).toEqual([mine]);
  // The acting role is not known on this phone yet: files of the application only.
  expect(restorableFileIds(all, 'app_1', null)).toEqual([mine, colleague]);
  expect(restorableFileIds(all, 'app_1', 'user-3')).toEqual([]);
});
