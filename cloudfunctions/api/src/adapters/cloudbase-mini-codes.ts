// WeChat's unlimited mini-program code (wxacode.getUnlimited) through CloudBase's call into WeChat's open API,
// as content checks and subscribe messages are. WeChat answers the image's bytes, or JSON { errcode, errmsg };
// the bytes are trusted only when they sniff as an image.
import { z } from 'zod';
import type { MiniCodeImage, MiniCodeRequest, MiniCodes } from '../ports';
import type { WxOpenApiCaller } from './cloudbase-content-check';
import { sniffFile } from './file-sniff';

const wxError = z.object({ errcode: z.number(), errmsg: z.string().optional() });
// wx-server-sdk's own answer shape, in case the platform hands it over as such.
const bufferAnswer = z.object({ buffer: z.union([z.instanceof(Buffer), z.string()]) });

function bytesOf(result: unknown): Buffer | null {
  if (Buffer.isBuffer(result)) return result;
  if (result instanceof Uint8Array) return Buffer.from(result);
  const wrapped = bufferAnswer.safeParse(result);
  if (wrapped.success) return typeof wrapped.data.buffer === 'string' ? Buffer.from(wrapped.data.buffer, 'base64') : wrapped.data.buffer;
  // A body that was not JSON reaches us as the raw string.
  if (typeof result === 'string') return Buffer.from(result, 'binary');
  return null;
}

export class CloudbaseMiniCodes implements MiniCodes {
  constructor(private readonly app: WxOpenApiCaller) {}

  async unlimited(request: MiniCodeRequest): Promise<MiniCodeImage> {
    const response = await this.app.callWxOpenApi({
      apiName: '/wxa/getwxacodeunlimit',
      // check_path false: the code works before the page is published (a trial version, a new release).
      requestData: { scene: request.scene, page: request.page, check_path: false },
    });
    const refused = wxError.safeParse(response.result);
    if (refused.success && refused.data.errcode !== 0)
      throw new Error(`wxacode ${refused.data.errcode} ${refused.data.errmsg ?? ''}`.trim());
    if (response.code) throw new Error(`wxacode ${response.code} ${response.message ?? ''}`.trim());
    const bytes = bytesOf(response.result);
    const sniffed = bytes ? await sniffFile(bytes) : null;
    if (!bytes || !sniffed?.sniffedType?.startsWith('image/')) throw new Error('wxacode: the answer is not an image');
    return { mime: sniffed.sniffedType, bytes };
  }
}
