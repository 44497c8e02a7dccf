// 下载奖补台账: the secretariat downloads the programme's award ledger (奖补台账 and 评审汇总表) as an Excel file.
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { call, messageOf } from '@/lib/api';
import { showMessage } from '@/lib/feedback';
import { saveAndOpenFile } from '@/lib/open-file';

export function LedgerDownload({ programId }: { programId: string }) {
  const [busy, setBusy] = useState(false);

  async function download() {
    setBusy(true);
    try {
      const ledger = await call('export.awardLedger', { programId });
      await saveAndOpenFile(ledger.fileName, ledger.base64);
    } catch (error) {
      showMessage(messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="admin-import">
      <Text className="admin-muted">
        {busy ? '正在生成奖补台账，请稍候…' : '奖补台账含每个通过形式审查的项目的奖补、拨付、指标完成情况，以及评审汇总表。'}
      </Text>
      <View className="admin-claim__actions">
        <Button size="small" fill="outline" loading={busy} disabled={busy} onClick={() => void download()}>
          下载奖补台账（Excel）
        </Button>
      </View>
    </View>
  );
}
