// WeChat subscribe messages through CloudBase's call into WeChat's open API (subscribeMessage.send).
import type { Notifier, SendResult, SubscribeMessage } from '../ports';

export interface WxOpenApi {
  callWxOpenApi(options: { apiName: string; requestData: unknown }): Promise<{ result?: { errcode?: number; errmsg?: string } }>;
}

export class CloudbaseNotifier implements Notifier {
  constructor(private readonly app: WxOpenApi) {}

  async send(message: SubscribeMessage): Promise<SendResult> {
    try {
      const response = await this.app.callWxOpenApi({
        apiName: '/cgi-bin/message/subscribe/send',
        requestData: { touser: message.openid, template_id: message.templateId, page: message.page, data: message.data },
      });
      const code = response.result?.errcode ?? 0;
      return code === 0
        ? { result: 'sent', detail: null }
        : { result: 'failed', detail: `${code} ${response.result?.errmsg ?? ''}`.trim() };
    } catch (error) {
      return { result: 'failed', detail: error instanceof Error ? error.message.slice(0, 300) : '发送失败' };
    }
  }
}
