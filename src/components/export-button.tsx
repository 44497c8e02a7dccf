// A download of a file the server makes (an export): the button asks the api to build it into storage, then the
// phone downloads and opens it, with the stage and the download's progress shown while it runs.
import { Text, View } from '@tarojs/components';
import { Button, Progress } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { makeExport, type ExportAction } from '@/features/common/api/shared';
import { useAction } from '@/features/common/use-action';
import { showMessage } from '@/lib/feedback';
import { downloadAndOpen } from '@/lib/open-file';
import type { ActionInput } from '@/core/schemas/actions';

type Stage = { kind: 'idle' } | { kind: 'making' } | { kind: 'downloading'; percent: number } | { kind: 'done'; fileName: string };

export function ExportButton<A extends ExportAction>({
  action,
  input,
  label,
  hint,
}: {
  action: A;
  input: ActionInput<A>;
  /** The button's text, e.g. 下载立项通知（Word）. */
  label: string;
  /** What the file holds, shown before it is made. */
  hint?: string;
}) {
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const making = useAction({ toast: showMessage });
  const busy = stage.kind === 'making' || stage.kind === 'downloading';

  async function run() {
    await making.run(async () => {
      setStage({ kind: 'making' });
      try {
        const file = await makeExport(action, input);
        setStage({ kind: 'downloading', percent: 0 });
        await downloadAndOpen(file, (percent) => setStage({ kind: 'downloading', percent }));
        setStage({ kind: 'done', fileName: file.fileName });
      } catch (error) {
        setStage({ kind: 'idle' });
        throw error;
      }
    });
  }

  const status =
    stage.kind === 'making'
      ? '正在生成文件，请稍候…'
      : stage.kind === 'downloading'
        ? `正在下载 ${stage.percent}%`
        : stage.kind === 'done'
          ? `已生成：${stage.fileName}`
          : (hint ?? '');

  return (
    <View className="admin-import export-button">
      {status ? <Text className="admin-muted">{status}</Text> : null}
      {stage.kind === 'downloading' ? <Progress percent={stage.percent} showText={false} /> : null}
      <View className="admin-claim__actions">
        <Button size="small" fill="outline" loading={busy} disabled={busy} onClick={() => void run()}>
          {label}
        </Button>
      </View>
    </View>
  );
}
