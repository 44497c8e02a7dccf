export default definePageConfig({
  navigationBarTitleText: '公示',
  // The notice is shared to WeChat chats; the card's content comes from useShareCard in the page.
  enableShareAppMessage: true,
});
