// 批量导入: the secretariat downloads the Excel template, fills it on a PC, and imports every unit of it at once.
// The answer is all or nothing: either "已导入 N 个单位", or every refused row with its reasons and nothing imported.
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { MAX_IMPORT_BYTES, MAX_IMPORT_SIZE_TEXT, type ActionOutput } from '@/core/schemas/actions';
import { useAction } from '@/features/common/use-action';
import { importOrganizations, organizationImportTemplate } from '../api/organizations';
import { newRequestId } from '@/lib/drafts';
import { showMessage, showSuccess } from '@/lib/feedback';
import { saveAndOpenFile } from '@/lib/open-file';
import { pickDocument, readPickedBase64 } from '@/lib/upload';

interface ImportOutcome {
  fileName: string;
  answer: ActionOutput<'organization.import'>;
}

function ImportResult({ outcome }: { outcome: ImportOutcome }) {
  const { answer, fileName } = outcome;
  if (answer.refused.length === 0) {
    return (
      <View className="admin-import__result" role="status">
        <Text className="admin-import__done">已导入 {answer.imported} 个单位</Text>
        <Text className="admin-muted">来自 {fileName}</Text>
      </View>
    );
  }
  return (
    <View className="admin-import__result admin-import__result--refused" role="alert">
      <Text className="admin-import__failed">未导入任何单位：{answer.refused.length} 行有问题，请改正后重新导入整个文件</Text>
      <View className="admin-import__table">
        <View className="admin-import__row admin-import__row--head">
          <Text className="admin-import__cell admin-import__cell--row">行号</Text>
          <Text className="admin-import__cell admin-import__cell--name">单位名称</Text>
          <Text className="admin-import__cell">原因</Text>
        </View>
        {answer.refused.map((refusal) => (
          <View className="admin-import__row" key={refusal.row}>
            <Text className="admin-import__cell admin-import__cell--row">{refusal.row}</Text>
            <Text className="admin-import__cell admin-import__cell--name">{refusal.name || '（未填写）'}</Text>
            <View className="admin-import__cell">
              {refusal.reasons.map((reason) => (
                <Text className="admin-import__reason" key={reason}>
                  {reason}
                </Text>
              ))}
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}

export function OrganizationImport({ onImported }: { onImported: () => void }) {
  const template = useAction({ toast: showMessage });
  const importing = useAction({ toast: showMessage });
  const picking = useAction({ toast: showMessage });
  const busy = template.busy ? 'template' : importing.busy ? 'import' : null;
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);

  async function downloadTemplate() {
    await template.run(async () => {
      const file = await organizationImportTemplate();
      await saveAndOpenFile(file.fileName, file.base64);
    });
  }

  async function importSheet() {
    if (busy) return;
    const picked = await picking.run(() => pickDocument(['xlsx']));
    if (!picked) return;
    if (picked.size > MAX_IMPORT_BYTES) {
      showMessage(`文件不能超过 ${MAX_IMPORT_SIZE_TEXT}，请分成几个文件导入`);
      return;
    }
    const answer = await importing.run(async () =>
      importOrganizations({ requestId: newRequestId(), fileName: picked.name, base64: await readPickedBase64(picked) }),
    );
    if (!answer) return;
    setOutcome({ fileName: picked.name, answer });
    if (answer.imported > 0) {
      showSuccess(`已导入 ${answer.imported} 个单位`);
      onImported();
    }
  }

  return (
    <View className="admin-import">
      <Text className="admin-muted">单位较多时，可下载模板在电脑上填写，再一次导入（全部通过才导入）。</Text>
      <View className="admin-claim__actions">
        <Button size="small" fill="outline" loading={busy === 'template'} disabled={busy !== null} onClick={() => void downloadTemplate()}>
          下载导入模板
        </Button>
        <Button size="small" fill="outline" loading={busy === 'import'} disabled={busy !== null} onClick={() => void importSheet()}>
          从 Excel 导入
        </Button>
      </View>
      {outcome ? <ImportResult outcome={outcome} /> : null}
    </View>
  );
}
