// 异议: what was lodged during a publicity notice, and the secretariat's handling with a note.
import { Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { formatShanghaiDateTime } from '@/core/calendar/shanghai';
import type { Objection } from '@/core/schemas/documents';
import { call } from '@/lib/api';
import { settle } from '../hooks/use-decision';
import { ModerationNotice } from './moderation-notice';
import { ReasonDialog } from './reason-dialog';

type Handling = 'upheld' | 'dismissed';

const statusTags: Record<Objection['status'], { label: string; type: 'warning' | 'danger' | 'default' }> = {
  open: { label: '待处理', type: 'warning' },
  upheld: { label: '异议成立', type: 'danger' },
  dismissed: { label: '异议不成立', type: 'default' },
};

interface ObjectionListProps {
  objections: readonly Objection[];
  /** The project an objection names, for lists that span a whole notice. */
  projectOf?: (applicationId: string | null) => string;
  onChanged: () => unknown;
}

export function ObjectionList({ objections, projectOf, onChanged }: ObjectionListProps) {
  const [handling, setHandling] = useState<{ objection: Objection; decision: Handling } | null>(null);

  if (objections.length === 0) return <Text className="admin-muted">暂无异议</Text>;
  return (
    <View>
      {objections.map((objection) => {
        const tag = statusTags[objection.status];
        return (
          <View className="admin-claim" key={objection._id}>
            <View className="admin-claim__head">
              <Text className="admin-list__name">{projectOf ? projectOf(objection.applicationId) : '异议'}</Text>
              <Tag type={tag.type}>{tag.label}</Tag>
            </View>
            <ModerationNotice
              moderation={objection.moderation}
              target={{ entity: 'objection', id: objection._id, version: objection.version }}
              onChanged={onChanged}
            />
            <Text className="admin-claim__text">{objection.content}</Text>
            <Text className="admin-list__sub">
              {objection.contactName} · {objection.contactPhone} · {formatShanghaiDateTime(objection.createdAt)}
            </Text>
            {objection.handlingNote ? <Text className="admin-trail__reason">处理意见：{objection.handlingNote}</Text> : null}
            {objection.status === 'open' ? (
              <View className="admin-claim__actions">
                <Button size="small" fill="outline" onClick={() => setHandling({ objection, decision: 'dismissed' })}>
                  异议不成立
                </Button>
                <Button size="small" type="warning" onClick={() => setHandling({ objection, decision: 'upheld' })}>
                  异议成立
                </Button>
              </View>
            ) : null}
          </View>
        );
      })}
      <ReasonDialog
        visible={handling !== null}
        title={handling?.decision === 'upheld' ? '异议成立' : '异议不成立'}
        confirmText="确认"
        required
        placeholder="处理意见（必填）"
        description={
          handling?.decision === 'upheld'
            ? '异议成立后，所涉项目不予立项（针对整个公示的异议不改变项目状态）。'
            : '请写明核查情况，处理意见将记入处理记录。'
        }
        onConfirm={async (note) => {
          if (!handling) return;
          const { objection, decision } = handling;
          await settle(
            () => call('objection.handle', { objectionId: objection._id, version: objection.version, decision, note }),
            '已处理',
            onChanged,
          );
          setHandling(null);
        }}
        onClose={() => setHandling(null)}
      />
    </View>
  );
}
