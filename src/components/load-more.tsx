// The foot of a paged list: loads the next page when the page is scrolled to the bottom, or on a tap on 加载更多.
import { Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import './load-more.css';

interface LoadMoreProps {
  more: boolean;
  loading: boolean;
  onMore: () => unknown;
  /** What to say under a list that is complete (nothing when absent). */
  doneText?: string;
  /** Scrolling to the bottom of the page loads more (false for a list that is not the last on its page). */
  onBottom?: boolean;
}

export function LoadMore({ more, loading, onMore, doneText, onBottom = true }: LoadMoreProps) {
  useReachBottom(() => {
    if (onBottom && more && !loading) void onMore();
  });
  if (!more) return doneText ? <Text className="load-more load-more--done">{doneText}</Text> : null;
  return (
    <View className="load-more" onClick={() => (loading ? undefined : void onMore())}>
      <Text className={loading ? 'load-more__text load-more__text--busy' : 'load-more__text'}>{loading ? '加载中…' : '加载更多'}</Text>
    </View>
  );
}
