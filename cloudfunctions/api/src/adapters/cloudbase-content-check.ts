// WeChat content security through CloudBase's call into WeChat's open API (the same way subscribe messages
// are sent): msgSecCheck v2 for text, mediaCheckAsync v2 for images. Anything but a clear answer fails
// closed to "review", so nothing passes unchecked and no WeChat error reaches the caller as a crash.
import { z } from 'zod';
import type { ContentCheck, MediaCheckRequest, MediaCheckStart, TextCheckRequest, TextVerdict } from '../ports';

/** The part of a CloudBase app this adapter uses: callWxOpenApi answers `{ result }` or an error `{ code, message }`. */
export interface WxOpenApiCaller {
  callWxOpenApi(options: { apiName: string; requestData: unknown }): Promise<{ result?: unknown; code?: string; message?: string }>;
}

const wxError = z.object({ errcode: z.number().optional(), errmsg: z.string().optional() });
const textAnswer = wxError.extend({
  result: z.object({ suggest: z.enum(['pass', 'review', 'risky']), label: z.union([z.number(), z.string()]) }),
});
// HTTPS answers say trace_id; WeChat's own cloud call says traceId: accept either.
const mediaAnswer = wxError.extend({ trace_id: z.string().min(1).optional(), traceId: z.string().min(1).optional() });

function failure(response: { result?: unknown; code?: string; message?: string }): string {
  const error = wxError.safeParse(response.result);
  if (error.success && error.data.errcode) return `${error.data.errcode} ${error.data.errmsg ?? ''}`.trim();
  return `${response.code ?? ''} ${response.message ?? '无应答'}`.trim();
}

function caught(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 120) : '调用失败';
}

export class CloudbaseContentCheck implements ContentCheck {
  constructor(private readonly app: WxOpenApiCaller) {}

  async checkText(request: TextCheckRequest): Promise<TextVerdict> {
    if (!request.openid) return { suggest: 'review', label: null, detail: '无法检测：缺少作者的微信身份' };
    try {
      const response = await this.app.callWxOpenApi({
        apiName: '/wxa/msg_sec_check',
        requestData: { version: 2, openid: request.openid, scene: request.scene, content: request.content },
      });
      const answer = textAnswer.safeParse(response.result);
      if (!answer.success || (answer.data.errcode ?? 0) !== 0) {
        return { suggest: 'review', label: null, detail: `内容安全检测失败（${failure(response)}）` };
      }
      return { suggest: answer.data.result.suggest, label: String(answer.data.result.label), detail: null };
    } catch (error) {
      return { suggest: 'review', label: null, detail: `内容安全检测失败（${caught(error)}）` };
    }
  }

  async startMediaCheck(request: MediaCheckRequest): Promise<MediaCheckStart> {
    if (!request.openid) return { traceId: null, detail: '无法检测：缺少上传者的微信身份' };
    try {
      const response = await this.app.callWxOpenApi({
        apiName: '/wxa/media_check_async',
        requestData: { version: 2, openid: request.openid, scene: request.scene, media_url: request.mediaUrl, media_type: 2 },
      });
      const answer = mediaAnswer.safeParse(response.result);
      const traceId = answer.success && (answer.data.errcode ?? 0) === 0 ? (answer.data.trace_id ?? answer.data.traceId) : undefined;
      return traceId ? { traceId } : { traceId: null, detail: `图片安全检测未能发起（${failure(response)}）` };
    } catch (error) {
      return { traceId: null, detail: `图片安全检测未能发起（${caught(error)}）` };
    }
  }
}
