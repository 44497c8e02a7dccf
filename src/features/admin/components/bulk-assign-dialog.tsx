// 批量分配评审专家: pick the experts once for every application chosen in the queue.
import { ScrollView, Text, View } from '@tarojs/components';
import { Dialog } from '@nutui/nutui-react-taro';
import { PageState } from '@/components/page-state';
import type { useBulkAssignment } from '../hooks/use-bulk-assignment';

export function BulkAssignDialog({ assignment, count }: { assignment: ReturnType<typeof useBulkAssignment>; count: number }) {
  const list = assignment.candidates.data ?? [];
  return (
    <Dialog
      visible={assignment.open}
      title={`为 ${count} 份申报分配评审专家`}
      confirmText={assignment.selected.length ? `分配 ${assignment.selected.length} 位` : '请选择专家'}
      cancelText="取消"
      disableConfirmButton={assignment.selected.length === 0 || assignment.assigning}
      onConfirm={() => void assignment.assign()}
      onCancel={assignment.cancel}
      onClose={assignment.cancel}
    >
      <View className="admin-dialog">
        <Text className="admin-dialog__text">与申报单位同属一个单位的专家，按回避规定在该份申报中自动略过。</Text>
        <PageState
          loading={assignment.candidates.loading && !assignment.candidates.data}
          error={assignment.candidates.error}
          empty={list.length === 0}
          emptyText="暂无可选的评审专家"
          onRetry={() => void assignment.candidates.reload()}
        >
          <ScrollView scrollY className="admin-results">
            {list.map((candidate) => {
              const checked = assignment.selected.includes(candidate.userId);
              return (
                <View
                  key={candidate.userId}
                  className="admin-pick"
                  role="checkbox"
                  aria-checked={checked}
                  onClick={() => assignment.toggle(candidate.userId)}
                >
                  <View className={`admin-check${checked ? ' admin-check--on' : ''}`} />
                  <View className="admin-list__main">
                    <Text className="admin-list__name">{candidate.name}</Text>
                    <Text className="admin-list__sub">{candidate.orgName}</Text>
                  </View>
                </View>
              );
            })}
          </ScrollView>
        </PageState>
      </View>
    </Dialog>
  );
}
