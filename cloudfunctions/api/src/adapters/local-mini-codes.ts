// The local stand-in for WeChat's mini-program code: a plain QR code of the H5 link that opens the same page
// with the same code, so a phone on the local network (or a second browser) can follow it.
import QRCode from 'qrcode';
import { h5LinkOf } from '@/core/people/join';
import type { MiniCodeImage, MiniCodeRequest, MiniCodes } from '../ports';

export class QrMiniCodes implements MiniCodes {
  /** origin: where the H5 build is served, e.g. http://127.0.0.1:8787. */
  constructor(private readonly origin: string) {}

  async unlimited(request: MiniCodeRequest): Promise<MiniCodeImage> {
    const link = `${this.origin.replace(/\/$/u, '')}${h5LinkOf(request.page, request.scene)}`;
    const bytes = await QRCode.toBuffer(link, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 6 });
    return { mime: 'image/png', bytes };
  }
}
