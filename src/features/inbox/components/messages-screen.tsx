// 消息: in-app messages about one's applications; each opens its page. Only the secretariat's list says whether a
// WeChat subscribe message went out for it (the server leaves it out for everyone else).
import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { PageState } from '@/components/page-state';
import { formatShanghaiDateTime } from '@/core/calendar/shanghai';
import type { Notification } from '@/core/schemas/documents';
import { openPath } from '@/lib/navigation';
import { useReloadOnShow } from '@/features/common/use-reload-on-show';
import { useSignedIn } from '@/features/common/use-signed-in';
import { MESSAGE_PAGE, useMessages } from '../hooks/use-messages';
import './inbox.css';

const subscribeLabels: Record<NonNullable<Notification['subscribe']>['result'], string> = {
  sent: '已发送微信提醒',
  recorded: '已记录微信提醒（本地演示，未实际发送）',
  skipped: '未发送微信提醒（没有剩余的订阅次数）',
  failed: '微信提醒发送失败',
};

function SubscribeState({ subscribe }: { subscribe: Notification['subscribe'] }) {
  if (!subscribe) return null;
  return (
    <View className={`inbox-item__push inbox-item__push--${subscribe.result}`}>
      {subscribeLabels[subscribe.result]}
      {subscribe.detail ? `：${subscribe.detail}` : ''}
    </View>
  );
}

export function MessagesScreen() {
  const signedIn = useSignedIn();
  const inbox = useMessages();
  const { remote, messages, isRead, markRead, subscribe, subscribing, subscribeResult } = inbox;
  useReloadOnShow(remote.reload);
  if (!signedIn) return null;

  const unread = messages.filter((message) => !isRead(message));

  const open = (message: Notification) => {
    if (!isRead(message)) void markRead([message._id]);
    if (message.page) void openPath(message.page);
  };

  return (
    <View className="page inbox-page">
      <View className="inbox-subscribe">
        <View className="inbox-subscribe__text">申报状态有变化、报告临近截止时，通过微信服务通知提醒您。每次同意可接收一次提醒。</View>
        <Button type="primary" size="small" loading={subscribing} disabled={subscribing} onClick={() => void subscribe()}>
          订阅提醒
        </Button>
        {subscribeResult ? (
          <View className={`inbox-subscribe__result${subscribeResult.ok ? '' : ' inbox-subscribe__result--bad'}`}>
            {subscribeResult.text}
          </View>
        ) : null}
      </View>
      <PageState
        loading={remote.loading && !remote.data}
        error={remote.data ? null : remote.error}
        empty={messages.length === 0}
        emptyText="暂无消息"
        onRetry={() => void remote.reload()}
      >
        <View className="inbox-bar">
          <View>{inbox.unreadCount > 0 ? `${inbox.unreadCount} 条未读` : '全部已读'}</View>
          {unread.length > 0 ? (
            <View className="inbox-bar__action" onClick={() => void markRead(unread.map((message) => message._id))}>
              已加载的标为已读
            </View>
          ) : null}
        </View>
        {messages.map((message) => (
          <View key={message._id} className={`inbox-item${isRead(message) ? '' : ' inbox-item--unread'}`} onClick={() => open(message)}>
            <View className="inbox-item__head">
              {isRead(message) ? null : <View className="inbox-item__dot" />}
              <View className="inbox-item__title">{message.title}</View>
              {message.page ? <View className="inbox-item__arrow">›</View> : null}
            </View>
            <View className="inbox-item__body">{message.body}</View>
            <View className="inbox-item__time">{formatShanghaiDateTime(message.createdAt)}</View>
            <SubscribeState subscribe={message.subscribe} />
          </View>
        ))}
        {inbox.earlierError ? <View className="inbox-more inbox-more--bad">{inbox.earlierError}</View> : null}
        {inbox.hasEarlier ? (
          <Button
            className="inbox-more__button"
            fill="outline"
            block
            loading={inbox.loadingEarlier}
            disabled={inbox.loadingEarlier}
            onClick={() => void inbox.loadEarlier()}
          >
            查看更早的消息
          </Button>
        ) : messages.length > MESSAGE_PAGE ? (
          <View className="inbox-more">没有更早的消息了</View>
        ) : null}
      </PageState>
    </View>
  );
}
