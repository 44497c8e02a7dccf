// The CloudBase content-security adapter against a fake open-API client: the exact v2 requests, the
// mapping of WeChat's answers, and every failure closed to "review" — never a silent pass, never a throw.
import { CloudbaseContentCheck, type WxOpenApiCaller } from '../../cloudfunctions/api/src/adapters/cloudbase-content-check';
import { textChunks } from '../../cloudfunctions/api/src/moderation';

type Answer = Awaited<ReturnType<WxOpenApiCaller['callWxOpenApi']>>;

function fakeOpenApi(answer: Answer | Error) {
  const calls: Parameters<WxOpenApiCaller['callWxOpenApi']>[0][] = [];
  const client: WxOpenApiCaller = {
    async callWxOpenApi(options) {
      calls.push(options);
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
  return { calls, check: new CloudbaseContentCheck(client) };
}

const text = { openid: 'o-author', scene: 3 as const, content: '抗震科普讲座' };
const image = {
  openid: 'o-author',
  scene: 3 as const,
  fileId: 'cloud://env.bucket/evidence/app_1/a.jpg',
  mediaUrl: 'https://tcb.example/a.jpg?sign=x',
};

describe('msgSecCheck v2', () => {
  test('sends version 2 with the author, scene and content, and reads result.suggest and label', async () => {
    const { calls, check } = fakeOpenApi({
      result: { errcode: 0, errmsg: 'ok', trace_id: 't1', result: { suggest: 'risky', label: 20001 }, detail: [] },
    });
    expect(await check.checkText(text)).toEqual({ suggest: 'risky', label: '20001', detail: null });
    expect(calls).toEqual([
      { apiName: '/wxa/msg_sec_check', requestData: { version: 2, openid: 'o-author', scene: 3, content: '抗震科普讲座' } },
    ]);
  });

  test.each([
    ['pass', 100],
    ['review', 21000],
  ] as const)('answers %s as WeChat says', async (suggest, label) => {
    const { check } = fakeOpenApi({ result: { errcode: 0, errmsg: 'ok', result: { suggest, label } } });
    expect(await check.checkText(text)).toEqual({ suggest, label: String(label), detail: null });
  });

  test.each<[string, Answer | Error, string]>([
    ['a WeChat error code', { result: { errcode: 40003, errmsg: 'invalid openid' } }, '40003 invalid openid'],
    ['an error from CloudBase', { code: 'PERMISSION_DENIED', message: 'no permission' }, 'PERMISSION_DENIED no permission'],
    ['an answer without a verdict', { result: { errcode: 0, errmsg: 'ok' } }, '无应答'],
    ['an unknown suggestion', { result: { errcode: 0, result: { suggest: 'maybe', label: 1 } } }, '无应答'],
    ['a thrown network error', new Error('ETIMEDOUT'), 'ETIMEDOUT'],
  ])('fails closed to review on %s', async (_case, answer, detail) => {
    const { check } = fakeOpenApi(answer);
    const verdict = await check.checkText(text);
    expect(verdict).toMatchObject({ suggest: 'review', label: null });
    expect(verdict.detail).toContain(detail);
  });

  test('without an author to name, WeChat is not asked and the text is held for review', async () => {
    const { calls, check } = fakeOpenApi({ result: { errcode: 0, result: { suggest: 'pass', label: 100 } } });
    expect(await check.checkText({ ...text, openid: null })).toMatchObject({ suggest: 'review' });
    expect(calls).toEqual([]);
  });
});

describe('mediaCheckAsync v2', () => {
  test('sends version 2 with the image link as media_url and media_type 2, and keeps the trace id', async () => {
    const { calls, check } = fakeOpenApi({ result: { errcode: 0, errmsg: 'ok', trace_id: '64b7dbf0-23c56013-1e94d102' } });
    expect(await check.startMediaCheck(image)).toEqual({ traceId: '64b7dbf0-23c56013-1e94d102' });
    expect(calls).toEqual([
      {
        apiName: '/wxa/media_check_async',
        requestData: { version: 2, openid: 'o-author', scene: 3, media_url: 'https://tcb.example/a.jpg?sign=x', media_type: 2 },
      },
    ]);
  });

  test('accepts the cloud-call spelling traceId too', async () => {
    const { check } = fakeOpenApi({ result: { errCode: 0, traceId: 'trace-2' } as unknown });
    expect(await check.startMediaCheck(image)).toEqual({ traceId: 'trace-2' });
  });

  test.each<[string, Answer | Error]>([
    ['a WeChat error code', { result: { errcode: 40129, errmsg: 'invalid scene', trace_id: 't' } }],
    ['no trace id', { result: { errcode: 0, errmsg: 'ok' } }],
    ['a thrown error', new Error('socket hang up')],
  ])('reports a check that could not start on %s, so the photo is held', async (_case, answer) => {
    const { check } = fakeOpenApi(answer);
    const started = await check.startMediaCheck(image);
    expect(started.traceId).toBeNull();
    expect('detail' in started && started.detail).toContain('图片安全检测未能发起');
  });
});

test('long text is split into pieces of at most 2,500 characters, counted as WeChat counts them', () => {
  const emoji = '🏗️'.repeat(1000); // 2 code points each
  const chunks = textChunks(['甲'.repeat(3000), emoji, '  ']);
  expect(chunks.map((chunk) => Array.from(chunk).length)).toEqual([2500, 2500, 1]);
  expect(chunks.join('')).toBe(`${'甲'.repeat(3000)}\n${emoji}`);
});
