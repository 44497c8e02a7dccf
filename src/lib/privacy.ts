// WeChat's user privacy guide (用户隐私保护指引): the camera, the album, chat files, the clipboard and a phone
// number may be used only after the person agreed. WeChat asks through onNeedPrivacyAuthorization; the page's
// PrivacyPrompt shows the question and answers it. H5 has no such rule: everything passes through.
import Taro from '@tarojs/taro';
import { ApiError } from './api';
import { isWeapp } from './platform';

type Answer = Parameters<Parameters<typeof Taro.onNeedPrivacyAuthorization>[0]>[0];

/** The id of the agree button: WeChat checks that this very button was tapped. */
export const PRIVACY_AGREE_BUTTON = 'privacy-agree';

const REFUSED = new ApiError('PRIVACY_REFUSED', '需要先同意《用户隐私保护指引》才能使用此功能');

/**
 * Whether this WeChat has the privacy API (base library 2.32.3+, and Taro passes it through): on an older one
 * WeChat asks nothing, so neither does the app.
 */
function hasPrivacyApi(name: 'onNeedPrivacyAuthorization' | 'requirePrivacyAuthorize'): boolean {
  return isWeapp && Taro.canIUse(name) && typeof (Taro as unknown as Record<string, unknown>)[name] === 'function';
}

let pending: Answer | null = null;
const watchers = new Set<(asking: boolean) => void>();
let listening = false;

function tellWatchers(): void {
  for (const watch of watchers) watch(pending !== null);
}

/**
 * Once, when the first page with the prompt opens (the pages that use photos, files or the clipboard, all in
 * subpackages, so none of this weighs on the main package). Until then WeChat shows its own standard popup.
 */
function listenForPrivacyQuestions(): void {
  if (listening || !hasPrivacyApi('onNeedPrivacyAuthorization')) return;
  listening = true;
  Taro.onNeedPrivacyAuthorization((answer) => {
    // A page without the prompt cannot ask: refuse at once rather than leave the call hanging.
    if (watchers.size === 0) {
      answer({ event: 'disagree' });
      return;
    }
    pending?.({ event: 'disagree' });
    pending = answer;
    answer({ event: 'exposureAuthorization' });
    tellWatchers();
  });
}

/** The popup follows this: true while WeChat waits for the person's answer. */
export function watchPrivacyQuestion(watch: (asking: boolean) => void): () => void {
  listenForPrivacyQuestions();
  watchers.add(watch);
  watch(pending !== null);
  return () => {
    watchers.delete(watch);
  };
}

/** Agree only from the agree button's own event (open-type agreePrivacyAuthorization). */
export function answerPrivacyQuestion(agreed: boolean): void {
  const answer = pending;
  pending = null;
  tellWatchers();
  answer?.(agreed ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON } : { event: 'disagree' });
}

/** WeChat's page of the guide as filed for this mini-program. */
export function openPrivacyGuide(): void {
  if (isWeapp) Taro.openPrivacyContract({});
}

/**
 * Before the camera, the album, chat files or the clipboard: asks WeChat, which shows the popup when the person has
 * not agreed yet. Refusing ends in an error with a message the page shows.
 */
export async function ensurePrivacyAgreed(): Promise<void> {
  if (!hasPrivacyApi('requirePrivacyAuthorize')) return;
  await new Promise<void>((resolve, reject) => {
    Taro.requirePrivacyAuthorize({ success: () => resolve(), fail: () => reject(REFUSED) });
  });
}
