// The deployed `api` cloud function: CloudBase adapters around the shared router.
import tcb from '@cloudbase/node-sdk';
import { CloudbaseContentCheck } from './adapters/cloudbase-content-check';
import { CloudbaseFiles } from './adapters/cloudbase-files';
import { CloudbaseMiniCodes } from './adapters/cloudbase-mini-codes';
import { CloudbaseNotifier } from './adapters/cloudbase-notifier';
import { CloudbaseStore } from './adapters/cloudbase-store';
import { systemClock } from './adapters/clocks';
import { newId } from './ids';
import { isMediaCheckEvent, receiveMediaCheck } from './moderation';
import type { Origin } from './context';
import type { Deps } from './ports';
import { route } from './router';
import { setupCodeFrom } from './setup-code';
import { templatesFrom } from './templates';

let app: ReturnType<typeof tcb.init> | null = null;
let deps: Deps | null = null;

/** One CloudBase app and one set of ports per warm instance. */
export function cloud(): { app: ReturnType<typeof tcb.init>; deps: Deps } {
  if (!app || !deps) {
    app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
    deps = {
      store: new CloudbaseStore(app.database()),
      files: new CloudbaseFiles(app),
      clock: systemClock,
      notifier: new CloudbaseNotifier(app),
      templates: templatesFrom(process.env.SUBSCRIBE_TEMPLATES, 'none'),
      newId,
      contentCheck: new CloudbaseContentCheck(app),
      miniCodes: new CloudbaseMiniCodes(app),
      // Set by the deploy for the one-time setup (npm run setup-code); empty: none.
      setupCode: setupCodeFrom(process.env.SETUP_CODE),
    };
  }
  return { app, deps };
}

export async function main(event: unknown): Promise<unknown> {
  const { app: current, deps: ports } = cloud();
  // WeChat's push of a photo's verdict (message push to this function), not a client's call.
  if (isMediaCheckEvent(event)) {
    await receiveMediaCheck(ports, event);
    return 'success';
  }
  // The caller's OPENID is injected by the platform into the function's context; the event is never trusted.
  const auth = current.auth();
  const { openId } = auth.getUserInfo();
  return route(event, openId ? { openid: openId } : null, ports, originOf(openId, auth.getClientIP()));
}

/**
 * The key public actions are rate-limited by: the WeChat user of a mini-program call, else the caller's
 * address (a web or HTTP call, whose anonymous CloudBase uid costs nothing to renew).
 */
export function originOf(openId: string | undefined, ip: string | undefined): Origin | undefined {
  if (openId) return { clientKey: `openid:${openId}` };
  if (ip) return { clientKey: `ip:${ip}` };
  return undefined;
}
