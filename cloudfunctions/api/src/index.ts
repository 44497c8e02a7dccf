// The deployed `api` cloud function: CloudBase adapters around the shared router.
import tcb from '@cloudbase/node-sdk';
import { CloudbaseFiles, type CloudbaseStorage } from './adapters/cloudbase-files';
import { CloudbaseStore, type CloudbaseDatabase } from './adapters/cloudbase-store';
import { systemClock } from './adapters/clocks';
import { newId } from './ids';
import type { Deps } from './ports';
import { route } from './router';

let app: ReturnType<typeof tcb.init> | null = null;
let deps: Deps | null = null;

function cloud() {
  if (!app || !deps) {
    app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
    deps = {
      store: new CloudbaseStore(app.database() as unknown as CloudbaseDatabase),
      files: new CloudbaseFiles(app as unknown as CloudbaseStorage),
      clock: systemClock,
      newId,
    };
  }
  return { app, deps };
}

export async function main(event: unknown): Promise<unknown> {
  const { app: current, deps: ports } = cloud();
  // The caller's OPENID is injected by the platform into the function's context; the event is never trusted.
  const { openId } = current.auth().getUserInfo();
  return route(event, openId ? { openid: openId } : null, ports);
}
