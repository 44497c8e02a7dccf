// The mini-program code adapters and the setup code's configuration: the exact getUnlimited request, an image
// trusted only when its bytes are one, WeChat's refusals surfaced; the local stand-in's QR code; setup codes
// that are absent, unresolved placeholders or too short are no codes at all.
import QRCode from 'qrcode';
import { CloudbaseMiniCodes } from '../../cloudfunctions/api/src/adapters/cloudbase-mini-codes';
import type { WxOpenApiCaller } from '../../cloudfunctions/api/src/adapters/cloudbase-content-check';
import { QrMiniCodes } from '../../cloudfunctions/api/src/adapters/local-mini-codes';
import { setupCodeFrom } from '../../cloudfunctions/api/src/setup-code';

type Answer = Awaited<ReturnType<WxOpenApiCaller['callWxOpenApi']>>;

function fakeOpenApi(answer: Answer) {
  const calls: Parameters<WxOpenApiCaller['callWxOpenApi']>[0][] = [];
  const client: WxOpenApiCaller = {
    async callWxOpenApi(options) {
      calls.push(options);
      return answer;
    },
  };
  return { calls, codes: new CloudbaseMiniCodes(client) };
}

const request = { scene: 'WN5HG7VZ', page: 'pages/join/index' };
let png: Buffer;
beforeAll(async () => {
  png = await QRCode.toBuffer('any', { type: 'png' });
});

describe('wxacode.getUnlimited through CloudBase', () => {
  test('asks for the page with the scene, unchecked path, and answers the image bytes', async () => {
    const { calls, codes } = fakeOpenApi({ result: png });
    expect(await codes.unlimited(request)).toEqual({ mime: 'image/png', bytes: png });
    expect(calls).toEqual([{ apiName: '/wxa/getwxacodeunlimit', requestData: { ...request, check_path: false } }]);
  });

  test('reads the wx-server-sdk shape too ({ contentType, buffer })', async () => {
    const { codes } = fakeOpenApi({ result: { contentType: 'image/png', buffer: png.toString('base64') } });
    expect((await codes.unlimited(request)).bytes).toEqual(png);
  });

  test.each([
    ['WeChat refuses', { result: { errcode: 41030, errmsg: 'invalid page' } }, 'wxacode 41030 invalid page'],
    ['CloudBase refuses', { code: 'PERMISSION_DENIED', message: 'no permission' }, 'wxacode PERMISSION_DENIED no permission'],
    ['the answer is no image', { result: 'not an image' }, 'not an image'],
  ])('%s: an error the handler reports, never a broken picture', async (_case, answer, message) => {
    const { codes } = fakeOpenApi(answer);
    await expect(codes.unlimited(request)).rejects.toThrow(message);
  });
});

test('the local stand-in draws a PNG QR code', async () => {
  const image = await new QrMiniCodes('http://127.0.0.1:8787/').unlimited(request);
  expect(image.mime).toBe('image/png');
  expect(image.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
});

test.each([
  [undefined, null],
  ['', null],
  ['   ', null],
  ['{{env.SETUP_CODE}}', null],
  ['SHORT-CODE', null],
  ['  84UZ-EY3X-MGBX-E9G6 ', '84UZ-EY3X-MGBX-E9G6'],
])('SETUP_CODE %p is taken as %p', (value, code) => {
  expect(setupCodeFrom(value)).toBe(code);
});
