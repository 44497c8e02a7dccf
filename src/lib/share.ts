// Sharing a page to a WeChat chat. Call the hook from the page shell (WeChat asks the page itself for the
// card), and set enableShareAppMessage in the page's config. H5 has no share sheet; the hook is a no-op there.
import { useShareAppMessage } from '@tarojs/taro';

export interface ShareCard {
  title: string;
  /** The page the card opens, with its query, e.g. "/public/pages/notice/index?id=p1". */
  path: string;
}

export function useShareCard(card: () => ShareCard): void {
  useShareAppMessage(() => card());
}
