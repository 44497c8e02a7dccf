// One local stack and one phone for a browser-test file: started before its tests; after them the last screen
// is kept (the first place to look when a test fails), then the phone and the stack are stopped.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { phoneUi, type PhoneUi } from './phone-ui';
import { SCREENSHOTS, chromiumVersion, launchPhone, startLocalStack, type LocalStack } from './stack';

export interface PhoneFile {
  stack: LocalStack;
  browser: Browser;
  page: Page;
  ui: PhoneUi;
}

/**
 * Registers the file's beforeAll/afterAll and answers the stack and phone they start (filled in once the
 * tests run). name prefixes the screenshots; beforeStop runs while the browser is still open.
 */
export function phoneForFile(name: string, beforeStop?: () => Promise<void>): PhoneFile {
  const file = {} as PhoneFile;
  beforeAll(async () => {
    file.stack = await startLocalStack();
    ({ browser: file.browser, page: file.page } = await launchPhone());
    file.ui = phoneUi(file.page, file.stack.url, name);
    console.log(`e2e ${name}: ${chromiumVersion()} at 375×812 against ${file.stack.url}`);
  });
  afterAll(async () => {
    await file.page?.screenshot({ path: path.join(SCREENSHOTS, `${name}-last-screen.png`), fullPage: true }).catch(() => undefined);
    await beforeStop?.();
    await file.browser?.close();
    await file.stack?.stop();
  });
  return file;
}
