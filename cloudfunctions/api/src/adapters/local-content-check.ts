// The local stand-in for WeChat content security: it records every check, decides text by test markers
// (text containing the marker is risky), and plays WeChat's asynchronous push of each image's verdict —
// by itself after a delay (a pass: storage paths are the server's, so no name can carry a marker), or
// the verdict a test asks for.
import type {
  ContentCheck,
  ContentSuggest,
  MediaCheckEvent,
  MediaCheckRequest,
  MediaCheckStart,
  TextCheckRequest,
  TextVerdict,
} from '../ports';

export interface LocalContentCheckOptions {
  /** Text containing this is answered "risky". */
  textMarker?: string;
  /** Text containing this is answered "review". */
  reviewMarker?: string;
}

export const DEFAULT_MARKERS = { textMarker: '【违规测试】', reviewMarker: '【人工复核测试】' };

export class RecordingContentCheck implements ContentCheck {
  readonly texts: TextCheckRequest[] = [];
  readonly media: (MediaCheckRequest & { traceId: string })[] = [];
  private readonly markers: Required<LocalContentCheckOptions>;
  /** Where verdicts are pushed, as WeChat pushes them to the function; null: only when a test calls verdict(). */
  private push: { deliver: (event: MediaCheckEvent) => Promise<unknown>; delayMs: number } | null = null;

  constructor(options: LocalContentCheckOptions = {}) {
    this.markers = { ...DEFAULT_MARKERS, ...options };
  }

  /** Pushes each image's verdict by itself, delayMs after the check starts (the local server). */
  pushVerdicts(deliver: (event: MediaCheckEvent) => Promise<unknown>, delayMs: number): void {
    this.push = { deliver, delayMs };
  }

  async checkText(request: TextCheckRequest): Promise<TextVerdict> {
    this.texts.push(request);
    if (request.content.includes(this.markers.textMarker)) return { suggest: 'risky', label: '20001', detail: null };
    if (request.content.includes(this.markers.reviewMarker)) return { suggest: 'review', label: '21000', detail: null };
    return { suggest: 'pass', label: '100', detail: null };
  }

  async startMediaCheck(request: MediaCheckRequest): Promise<MediaCheckStart> {
    const traceId = `local-trace-${this.media.length + 1}`;
    this.media.push({ ...request, traceId });
    const push = this.push;
    if (push) {
      setTimeout(() => {
        push.deliver(this.verdict(request.fileId)).catch((error: unknown) => console.error('[content-check] verdict failed', error));
      }, push.delayMs).unref();
    }
    return { traceId };
  }

  /** The event WeChat would push for the latest check of this file: a pass, or the verdict given. */
  verdict(fileId: string, suggest: ContentSuggest = 'pass'): MediaCheckEvent {
    const started = this.media.filter((check) => check.fileId === fileId).at(-1);
    if (!started) throw new Error(`no media check was started for ${fileId}`);
    const decided = suggest;
    return {
      MsgType: 'event',
      Event: 'wxa_media_check',
      trace_id: started.traceId,
      FromUserName: started.openid ?? '',
      version: 2,
      result: { suggest: decided, label: decided === 'pass' ? '100' : '20002' },
    };
  }
}
