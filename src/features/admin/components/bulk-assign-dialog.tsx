// 批量分配评审专家: pick the experts once for every application chosen in the queue.
import { Text, View } from '@tarojs/components';
import { Dialog } from '@nutui/nutui-react-taro';
import type { useBulkAssignment } from '../hooks/use-bulk-assignment';
import { ReviewerCandidates } from './reviewer-candidates';

export function BulkAssignDialog({ assignment, count }: { assignment: ReturnType<typeof useBulkAssignment>; count: number }) {
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
        <ReviewerCandidates bulk candidates={assignment.candidates} selected={assignment.selected} onToggle={assignment.toggle} />
      </View>
    </Dialog>
  );
}
