// The local stand-in for WeChat subscribe messages: it records what it would have sent, and the
// messages page shows that record beside each in-app message.
import type { Notifier, SendResult, SubscribeMessage } from '../ports';

export class RecordingNotifier implements Notifier {
  readonly sent: SubscribeMessage[] = [];

  async send(message: SubscribeMessage): Promise<SendResult> {
    this.sent.push(message);
    const fields = Object.values(message.data)
      .map((field) => field.value)
      .join(' / ');
    return { result: 'recorded', detail: `本地演示：模板 ${message.templateId} → ${message.page}（${fields}）`.slice(0, 300) };
  }
}
