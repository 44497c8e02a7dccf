// Loading, empty and error states, the same on every screen. Drawn locally: NutUI's Empty fetches its
// picture from a CDN, which shows as a broken image on a bad signal.
import { Button, Loading } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './page-state.css';

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
        <Text className="page-state__title">加载失败</Text>
        <Text className="page-state__text">{error}</Text>
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
        <Text className="page-state__text">{emptyText}</Text>
      </View>
    );
  }
  return <>{children}</>;
}
