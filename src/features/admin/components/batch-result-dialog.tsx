// How each item of a batch went: done, or the server's reason it was not.
import { ScrollView, Text, View } from '@tarojs/components';
import { Dialog } from '@nutui/nutui-react-taro';
import type { BatchResultView, ObjectionBatchResultView } from '@/core/schemas/actions';

type BatchItem = BatchResultView[number] | ObjectionBatchResultView[number];

interface BatchResultDialogProps {
  title: string | null;
  results: readonly BatchItem[];
  /** The item's name, by its application id (or objection id for objections). */
  nameOf: (id: string) => string;
  onClose: () => void;
  /** While the server is still settling items: 已处理 N/M (the results so far are listed). */
  progress?: string | null;
}

const idOf = (result: BatchItem) => ('applicationId' in result ? result.applicationId : result.objectionId);

export function BatchResultDialog({ title, results, nameOf, onClose, progress = null }: BatchResultDialogProps) {
  const done = results.filter((result) => result.ok).length;
  return (
    <Dialog visible={title !== null} title={title ?? ''} hideCancelButton confirmText="知道了" onConfirm={onClose} onClose={onClose}>
      <View className="admin-dialog">
        {progress ? <Text className="admin-dialog__text admin-results__progress">{progress}</Text> : null}
        <Text className="admin-dialog__text">
          成功 {done} 条{results.length > done ? `，未成功 ${results.length - done} 条` : ''}
        </Text>
        <ScrollView scrollY className="admin-results">
          {results.map((result) => (
            <View key={idOf(result)} className={`admin-results__row${result.ok ? '' : ' admin-results__row--failed'}`}>
              <Text className="admin-results__mark">{result.ok ? '✓' : '✗'}</Text>
              <View className="admin-list__main">
                <Text className="admin-results__name">{nameOf(idOf(result))}</Text>
                {result.ok && !result.message ? null : (
                  <Text className="admin-results__message">{result.message ?? result.code ?? '未成功'}</Text>
                )}
              </View>
            </View>
          ))}
        </ScrollView>
      </View>
    </Dialog>
  );
}
