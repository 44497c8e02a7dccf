// The invitation code the join page opens with: from a scanned mini-program code, from the H5 link, or typed.
import { codeFromPageParams, tidyCode } from '@/features/join/invitation-code';

test('a scanned code (WeChat URL-encodes the scene) and the H5 link both open the invitation they carry', () => {
  expect(codeFromPageParams({ scene: 'AB3K7MQ9' })).toBe('AB3K7MQ9');
  expect(codeFromPageParams({ scene: encodeURIComponent('ab3k-7mq9') })).toBe('AB3K7MQ9');
  expect(codeFromPageParams({ code: 'AB3K7MQ9' })).toBe('AB3K7MQ9');
  // A scene wins over a stray code query; no code at all leaves the person to type one.
  expect(codeFromPageParams({ scene: 'AB3K7MQ9', code: 'ZZZZZZZZ' })).toBe('AB3K7MQ9');
  expect(codeFromPageParams({})).toBe('');
  // A malformed escape is shown as it came (the server then says the code is wrong), never a crash.
  expect(codeFromPageParams({ code: '%E0%A4%A' })).toBe('%E0%A4%A');
});

test('a typed code may have spaces, dashes and lower case', () => {
  expect(tidyCode(' ab3k 7mq9 ')).toBe('AB3K7MQ9');
  expect(tidyCode('AB3K-7MQ9')).toBe('AB3K7MQ9');
  expect(tidyCode('')).toBe('');
});
