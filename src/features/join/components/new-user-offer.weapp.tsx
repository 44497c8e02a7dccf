// The mini-program: WeChat always knows who opened it, so there is never anyone to offer a new identity to.
// Taro builds this file instead of new-user-offer.tsx, which keeps the demo sign-in out of the package.
export function NewUserOffer(_props: { onReady: () => void }) {
  return null;
}
