// Loading, empty and error states, the same on every screen.
import { Button, Empty, Loading } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import type { ReactNode } from 'react';

interface PageStateProps {
  loading: boolean;
  error: string | null;
  empty?: boolean;
  emptyText?: string;
  onRetry?: () => void;
  children?: ReactNode;
}

export function PageState({ loading, error, empty = false, emptyText = '暂无内容', onRetry, children }: PageStateProps) {
  if (error) {
    return (
      <View className="page-state page-state--error">
        <Empty status="error" title="加载失败" description={error} />
        {onRetry ? (
          <Button type="primary" size="small" onClick={onRetry}>
            重试
          </Button>
        ) : null}
      </View>
    );
  }
  if (loading) {
    return (
      <View className="page-state">
        <Loading type="spinner">加载中…</Loading>
      </View>
    );
  }
  if (empty) {
    return (
      <View className="page-state">
        <Empty status="empty" description={emptyText} />
      </View>
    );
  }
  return <>{children}</>;
}
