// 评审任务: the expert's list. Assignment and scoring come with the review issue; until then it says so plainly.
import { Text, View } from '@tarojs/components';
import { Empty } from '@nutui/nutui-react-taro';
import { roleLabels } from '@/core/schemas/common';
import { call } from '@/lib/api';
import { PageState } from '@/components/page-state';
import { useRemote } from '@/features/common/use-remote';

export function ReviewQueueScreen() {
  const session = useRemote(() => call('session.me', {}), []);
  const me = session.data;
  if (!me) return <PageState loading={session.loading} error={session.error} onRetry={() => void session.reload()} />;
  return (
    <View className="review-page">
      <View className="review-greeting">
        <Text className="review-greeting__name">{me.user.name}，您好</Text>
        <Text className="review-greeting__role">
          {roleLabels[me.user.role]} · {me.org.name}
        </Text>
      </View>
      <View className="review-empty">
        <Empty
          imageSize={90}
          image={
            <View className="review-empty__sheet">
              <View className="review-empty__line" />
              <View className="review-empty__line" />
              <View className="review-empty__line review-empty__line--short" />
            </View>
          }
          title="暂无分配给您的评审任务"
          description="秘书处分配评审任务后将在此显示"
        />
      </View>
    </View>
  );
}
