// The local stand-in for CloudBase storage. Uploads go only into a slot the api issued to the same person,
// unused and unexpired, and only bytes of an allowed kind within the size limit; files are read back only
// through a signed, expiring link, as the type their bytes were sniffed as, and never as a page.
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '@/core/errors';
import { storagePathOf } from '@/core/evidence/file-ids';
import { servedAs, uploadRefusal } from '@/core/evidence/upload-rules';
import type { UploadSlot } from '@/core/schemas/documents';
import { writeAudit } from '../../api/src/audit';
import { actorOf } from '../../api/src/context';
import { sniffFile } from '../../api/src/adapters/file-sniff';
import type { LocalFiles } from '../../api/src/adapters/local-files';
import type { Deps } from '../../api/src/ports';
import { STORED_FILE_CSP } from './headers';
import { activeRolesOf } from '../../api/src/roles';
import { openidOfBearer } from './session';

/** The one file of a multipart upload and the slot id (from the query, or a `slotId` field). */
async function readUpload(request: FastifyRequest): Promise<{ slotId: string | null; bytes: Buffer }> {
  if (!request.isMultipart()) throw new AppError('INVALID_INPUT', '上传请求应为 multipart/form-data 格式');
  let slotId = (request.query as Record<string, unknown>).slot;
  let bytes: Buffer | null = null;
  try {
    // The whole body is read before anything is stored: a sender that hangs up after the file keeps its slot.
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const file = await part.toBuffer(); // every file part is drained, or the loop would wait on it
        bytes ??= file;
      } else if (part.fieldname === 'slotId' && typeof slotId !== 'string' && typeof part.value === 'string') slotId = part.value;
    }
  } catch (error) {
    if (error instanceof AppError || (error as { code?: string }).code?.startsWith('FST_')) throw error;
    // busboy's own errors (a body that ends mid-file, a broken boundary) are the sender's fault.
    throw new AppError('INVALID_INPUT', '上传内容不完整或格式不正确，请重新上传');
  }
  if (!bytes) throw new AppError('INVALID_INPUT', '没有收到文件');
  return { slotId: typeof slotId === 'string' ? slotId : null, bytes };
}

export function registerFileRoutes(app: FastifyInstance, options: { deps: Deps; files: LocalFiles; secret: string }): void {
  const { deps, files, secret } = options;

  app.post('/files/upload', async (request, reply) => {
    const openid = openidOfBearer(secret, request.headers.authorization);
    // The slot was issued to the role the person acted in, which may be any of their active roles.
    const roles = openid ? await activeRolesOf(deps.store, openid) : [];
    if (roles.length === 0) throw new AppError('UNAUTHENTICATED');
    const { slotId, bytes } = await readUpload(request);
    const slot = slotId && slotId.length <= 128 ? await deps.store.get('uploads', slotId) : null;
    const uploader = slot ? roles.find((role) => role._id === slot.userId) : undefined;
    if (!slot || !uploader) throw new AppError('UPLOAD_SLOT_INVALID');
    const sniffed = await sniffFile(bytes);
    const refusal = uploadRefusal(slot.extension, sniffed.sniffedType, sniffed.size);
    if (refusal) throw new AppError('FILE_REJECTED', refusal);

    const now = deps.clock.now();
    await deps.store.transaction(async (tx) => {
      const current = await tx.get('uploads', slot._id);
      if (!current || current.uploadedAt !== null || Date.parse(current.expiresAt) < now.getTime()) {
        throw new AppError('UPLOAD_SLOT_INVALID');
      }
      const used: UploadSlot = {
        ...current,
        version: current.version + 1,
        updatedAt: now.toISOString(),
        uploadedAt: now.toISOString(),
        contentType: sniffed.sniffedType,
        size: sniffed.size,
      };
      await tx.replace('uploads', used, current.version);
      await writeAudit(
        tx,
        [{ action: 'upload', from: null, to: used.contentType, reason: null }],
        { entity: 'upload', id: used._id, version: used.version },
        actorOf(uploader),
        now,
        deps.newId,
      );
    });
    const fileId = await files.write(slot.path, bytes);
    return reply.header('cache-control', 'no-store').send({ ok: true, data: { fileId } });
  });

  /** The stored name, kept when saved; a non-ASCII one (an export's Chinese name) also in UTF-8 (RFC 6266). */
  const contentDisposition = (inline: boolean, name: string) => {
    const ascii = name.replace(/[^\x20-\x7e]|"/gu, '_');
    const utf8 = ascii === name ? '' : `; filename*=UTF-8''${encodeURIComponent(name)}`;
    return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"${utf8}`;
  };

  app.get('/files/*', async (request, reply) => {
    const storagePath = storagePathOf(`local://${(request.params as { '*': string })['*']}`);
    if (!storagePath) throw new AppError('INVALID_INPUT', '文件地址不正确');
    const query = request.query as Record<string, unknown>;
    const expires = Number(query.expires);
    if (!files.verifyLink(storagePath, expires, typeof query.signature === 'string' ? query.signature : '')) {
      return reply
        .code(403)
        .header('cache-control', 'no-store')
        .send({ ok: false, error: new AppError('FORBIDDEN', '链接已失效').toBody() });
    }
    const bytes = await readFile(files.resolve(storagePath)).catch(() => null);
    if (!bytes) throw new AppError('NOT_FOUND', '文件不存在');
    const { contentType, inline } = servedAs((await sniffFile(bytes)).sniffedType);
    const name = storagePath.split('/').pop() ?? 'file';
    return reply
      .header('content-type', contentType)
      .header('content-disposition', contentDisposition(inline, name))
      .header('content-security-policy', STORED_FILE_CSP)
      .header('cache-control', 'private, max-age=300')
      .send(bytes);
  });
}
