// Every refusal of the local server in one envelope, `{ ok: false, error: { code, message } }`, with a Chinese
// message and a 4xx status; only a bug of ours answers 500.
import type { FastifyReply } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { AppError, type ErrorBody, type ErrorCode } from '@/core/errors';

const statusOfCode: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  SESSION_INVALID: 401,
  NOT_REGISTERED: 403,
  FORBIDDEN: 403,
  FILE_NOT_OWNED: 403,
  NOT_FOUND: 404,
  FILE_NOT_FOUND: 404,
  CONFLICT: 409,
  INTERNAL: 500,
};

export function statusOf(code: string): number {
  return statusOfCode[code as ErrorCode] ?? 400;
}

/** What fastify and its plugins report for a malformed request, in words a person can act on. */
const frameworkMessages: Record<string, { status: number; detail: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, detail: '请求内容过大' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, detail: '请求格式不正确，应为 JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, detail: '请求不是有效的 JSON' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, detail: '请求不是有效的 JSON' },
  FST_ERR_BAD_URL: { status: 400, detail: '网址格式不正确' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { status: 415, detail: '上传请求应为 multipart/form-data 格式' },
  FST_REQ_FILE_TOO_LARGE: { status: 413, detail: '文件不能超过 10 MB' },
  FST_PARTS_LIMIT: { status: 413, detail: '每次只能上传一个文件' },
  FST_FILES_LIMIT: { status: 413, detail: '每次只能上传一个文件' },
  FST_FIELDS_LIMIT: { status: 413, detail: '上传内容过多' },
  FST_PROTO_VIOLATION: { status: 400, detail: '上传内容不正确' },
  FST_MP_PREMATURE_CLOSE: { status: 400, detail: '上传内容不完整，请重新上传' },
};

/** The status and body for any error a request ended with. */
export function refusalOf(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof AppError) return { status: statusOf(error.code), body: error.toBody() };
  const { code, statusCode } = (error ?? {}) as { code?: string; statusCode?: number };
  const known = code ? frameworkMessages[code] : undefined;
  if (known) return { status: known.status, body: new AppError('INVALID_INPUT', known.detail).toBody() };
  // A JSON syntax error carries statusCode 400 without a code of its own.
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return { status: statusCode, body: new AppError('INVALID_INPUT', '请求格式不正确').toBody() };
  }
  return { status: 500, body: new AppError('INTERNAL').toBody() };
}

export function sendRefusal(reply: FastifyReply, error: unknown, statusOverride?: number): FastifyReply {
  const { status, body } = refusalOf(error);
  return reply
    .code(statusOverride ?? status)
    .header('cache-control', 'no-store')
    .send({ ok: false, error: body });
}

/** What Node's HTTP parser refuses before fastify sees a request (raw bytes in the path, oversized headers). */
const parserRefusals: Record<string, { status: number; detail: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, detail: '网址或请求头过长' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, detail: '请求超时，请重试' },
};

/** fastify's clientErrorHandler: the same envelope and security headers as every other refusal, then hang up. */
export function answerClientError(error: { code?: string }, socket: Duplex, headers: Record<string, string>): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  // An answer to this request has begun already (a refusal of its headers, before its broken body came): a second
  // one after it would corrupt the stream, so only hang up, as Node's own handler does (its `_httpMessage` check).
  if ((socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent) {
    socket.destroy();
    return;
  }
  const { status, detail } = parserRefusals[error.code ?? ''] ?? { status: 400, detail: '请求格式不正确' };
  const body = JSON.stringify({ ok: false, error: new AppError('INVALID_INPUT', detail).toBody() });
  const head = Object.entries({
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    'cache-control': 'no-store',
    connection: 'close',
  }).map(([name, value]) => `${name}: ${value}\r\n`);
  if (socket.writable) socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${head.join('')}\r\n${body}`);
  else socket.destroy();
}
