// 内容安全: content WeChat's check held, with the reason, or photos whose verdict has not come yet; the
// secretariat may release held content with a reason. Shows nothing for content that passed.
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { ActionInput } from '@/core/schemas/actions';
import type { Moderation } from '@/core/schemas/documents';
import { releaseModeration } from '../api/awards';
import { settle } from '../hooks/use-decision';
import { ReasonDialog } from './reason-dialog';

interface ModerationNoticeProps {
  moderation?: Moderation;
  /** The record to release; without it (a list row) the notice only says why. */
  target?: Omit<ActionInput<'moderation.release'>, 'reason'>;
  onChanged?: () => unknown;
}

export function ModerationNotice({ moderation, target, onChanged }: ModerationNoticeProps) {
  const [releasing, setReleasing] = useState(false);
  if (!moderation || moderation.status === 'pass') return null;
  const held = moderation.status === 'held';
  const reasons = [...new Set(moderation.checks.filter((check) => check.status === 'held').map((check) => check.reason ?? '待人工复核'))];
  return (
    <View className={`admin-moderation${held ? '' : ' admin-moderation--pending'}`}>
      <Text className="admin-moderation__text">{held ? `内容待审：${reasons.join('；')}` : '图片安全检测中，评审专家暂不可见'}</Text>
      {held && target && onChanged ? (
        <Button size="small" fill="outline" onClick={() => setReleasing(true)}>
          放行
        </Button>
      ) : null}
      <ReasonDialog
        visible={releasing}
        title="放行内容"
        confirmText="确认放行"
        required
        description="核实内容无违规后放行：申报可进入评审和公示，照片对评审专家可见。放行理由记入处理记录。"
        onConfirm={async (reason) => {
          if (target && onChanged) await settle(() => releaseModeration({ ...target, reason }), '已放行', onChanged);
          setReleasing(false);
        }}
        onClose={() => setReleasing(false)}
      />
    </View>
  );
}
