// 申报审核: the clerk's list of applications, pending ones first come first served.
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { PageState } from '@/components/page-state';
import { go } from '@/lib/navigation';
import { queueFilters, useAdminQueue, type QueueFilter } from '../hooks/use-admin-queue';
import { useReloadOnShow } from '@/features/common/use-reload-on-show';
import { ApplicationRow } from './application-row';
import { QueueFilterBar } from './queue-filter-bar';

const emptyTexts: Record<QueueFilter, string> = {
  submitted: '暂无待审核的申报，都处理完了',
  returned: '暂无已退回的申报',
  approved: '暂无已立项的申报',
  all: '还没有单位提交申报',
};

export function AdminQueueScreen({ programId }: { programId?: string }) {
  const [filter, setFilter] = useState<QueueFilter>('submitted');
  const queue = useAdminQueue(programId, filter);
  useReloadOnShow(queue.reload);
  const label = queueFilters.find((item) => item.value === filter)?.label ?? '';

  return (
    <View className="admin-page">
      <View className="admin-queue__top">
        <QueueFilterBar value={filter} counts={queue.data ? queue.counts : null} onChange={setFilter} />
      </View>
      {queue.data ? (
        <View className="admin-queue__hint">
          <Text>
            {label} {queue.visible.length} 条{filter === 'submitted' ? '，按提交先后排列' : ''}
          </Text>
          <Text className="admin-link" onClick={() => void go('dashboard', { programId: queue.data?.programId ?? '' })}>
            指标看板 ›
          </Text>
        </View>
      ) : null}
      <PageState
        loading={queue.loading && !queue.data}
        error={queue.data ? null : queue.error}
        empty={queue.visible.length === 0}
        emptyText={emptyTexts[filter]}
        onRetry={() => void queue.reload()}
      >
        {queue.visible.map((application) => (
          <ApplicationRow key={application._id} application={application} onOpen={(id) => void go('applicationDetail', { id })} />
        ))}
      </PageState>
    </View>
  );
}
