// 异议: what was lodged during a publicity notice, and the secretariat's handling with a note — one at a
// time, or several open ones with one decision (each answered on its own).
import { Input, Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { formatShanghaiDateTime } from '@/core/calendar/shanghai';
import { receiptMatches } from '@/core/publicity/objection-rules';
import type { ObjectionBatchResultView } from '@/core/schemas/actions';
import type { Objection } from '@/core/schemas/documents';
import { handleObjection, handleObjections } from '../api/publicity';
import { settle } from '../hooks/use-decision';
import { ModerationNotice } from './moderation-notice';
import { BatchResultDialog } from './batch-result-dialog';
import { ReasonDialog } from './reason-dialog';

type Handling = 'upheld' | 'dismissed';

const statusTags: Record<Objection['status'], { label: string; type: 'warning' | 'danger' | 'default' }> = {
  open: { label: '待处理', type: 'warning' },
  upheld: { label: '异议成立', type: 'danger' },
  dismissed: { label: '异议不成立', type: 'default' },
};

const decisionLabels: Record<Handling, string> = { upheld: '异议成立', dismissed: '异议不成立' };

interface ObjectionListProps {
  objections: readonly Objection[];
  /** The project an objection names, for lists that span a whole notice. */
  projectOf?: (applicationId: string | null) => string;
  onChanged: () => unknown;
}

/** One decision and note for the chosen objections: one call for one, a batch for several. */
async function handle(chosen: readonly Objection[], decision: Handling, note: string): Promise<ObjectionBatchResultView | null> {
  const [only] = chosen;
  if (chosen.length === 1 && only) {
    await handleObjection({ objectionId: only._id, version: only.version, decision, note });
    return null;
  }
  const items = chosen.map((objection) => ({ objectionId: objection._id, version: objection.version }));
  return handleObjections({ items, decision, note });
}

export function ObjectionList({ objections, projectOf, onChanged }: ObjectionListProps) {
  const [handling, setHandling] = useState<{ chosen: Objection[]; decision: Handling } | null>(null);
  const [selecting, setSelecting] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [results, setResults] = useState<{ decision: Handling; results: ObjectionBatchResultView } | null>(null);
  const [quoted, setQuoted] = useState('');

  if (objections.length === 0) return <Text className="admin-muted">暂无异议</Text>;
  // The number a caller quotes from their receipt finds their objection.
  const shown = objections.filter((objection) => receiptMatches(objection.receiptNo, quoted));
  const open = objections.filter((objection) => objection.status === 'open');
  const chosen = open.filter((objection) => selected.includes(objection._id));
  const toggle = (id: string) =>
    setSelected((current) => (current.includes(id) ? current.filter((other) => other !== id) : [...current, id]));
  const names = new Map(
    objections.map((objection) => [
      objection._id,
      `${objection.receiptNo ?? '异议'} ${projectOf ? projectOf(objection.applicationId) : ''}`,
    ]),
  );

  return (
    <View>
      {open.length > 1 ? (
        <View className="admin-bar__line">
          <Text className="admin-link" onClick={() => (setSelecting(!selecting), setSelected([]))}>
            {selecting ? '取消批量' : '批量处理'}
          </Text>
          {selecting ? (
            <Text className="admin-link" onClick={() => setSelected(chosen.length === open.length ? [] : open.map((item) => item._id))}>
              {chosen.length === open.length ? '全不选' : `全选待处理的 ${open.length} 条`}
            </Text>
          ) : null}
        </View>
      ) : null}
      {objections.length > 1 ? (
        <Input
          className="admin-objection-search"
          value={quoted}
          placeholder="按受理编号查找，如 YY-20230703-001"
          onInput={(event) => setQuoted(event.detail.value)}
        />
      ) : null}
      {shown.length === 0 ? <Text className="admin-muted">没有受理编号为“{quoted}”的异议</Text> : null}
      {shown.map((objection) => {
        const tag = statusTags[objection.status];
        const selectable = selecting && objection.status === 'open';
        return (
          <View
            className={`admin-claim${selectable ? ' admin-claim--selectable' : ''}`}
            key={objection._id}
            onClick={selectable ? () => toggle(objection._id) : undefined}
          >
            <View className="admin-claim__head">
              {selectable ? <View className={`admin-check${selected.includes(objection._id) ? ' admin-check--on' : ''}`} /> : null}
              <Text className="admin-list__name">{projectOf ? projectOf(objection.applicationId) : '异议'}</Text>
              <Tag type={tag.type}>{tag.label}</Tag>
            </View>
            <ModerationNotice
              moderation={objection.moderation}
              target={{ entity: 'objection', id: objection._id, version: objection.version }}
              onChanged={onChanged}
            />
            {objection.receiptNo ? <Text className="admin-list__sub">受理编号 {objection.receiptNo}</Text> : null}
            <Text className="admin-claim__text">{objection.content}</Text>
            <Text className="admin-list__sub">
              {objection.contactName} · {objection.contactPhone} · {formatShanghaiDateTime(objection.createdAt)}
            </Text>
            {objection.handlingNote ? <Text className="admin-trail__reason">处理意见：{objection.handlingNote}</Text> : null}
            {objection.status === 'open' && !selecting ? (
              <View className="admin-claim__actions">
                <Button size="small" fill="outline" onClick={() => setHandling({ chosen: [objection], decision: 'dismissed' })}>
                  异议不成立
                </Button>
                <Button size="small" type="warning" onClick={() => setHandling({ chosen: [objection], decision: 'upheld' })}>
                  异议成立
                </Button>
              </View>
            ) : null}
          </View>
        );
      })}
      {selecting ? (
        <View className="admin-claim__actions">
          <Text className="admin-list__sub">已选 {chosen.length} 条</Text>
          <Button size="small" fill="outline" disabled={chosen.length === 0} onClick={() => setHandling({ chosen, decision: 'dismissed' })}>
            异议不成立（{chosen.length}）
          </Button>
          <Button size="small" type="warning" disabled={chosen.length === 0} onClick={() => setHandling({ chosen, decision: 'upheld' })}>
            异议成立（{chosen.length}）
          </Button>
        </View>
      ) : null}
      <ReasonDialog
        visible={handling !== null}
        title={
          handling ? `${decisionLabels[handling.decision]}${handling.chosen.length > 1 ? `（${handling.chosen.length} 条）` : ''}` : ''
        }
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
          const { chosen: items, decision } = handling;
          const answered = await settle(() => handle(items, decision, note), '已处理', onChanged);
          setHandling(null);
          if (answered) {
            setResults({ decision, results: answered });
            setSelecting(false);
            setSelected([]);
          }
        }}
        onClose={() => setHandling(null)}
      />
      <BatchResultDialog
        title={results ? `${decisionLabels[results.decision]}：处理结果` : null}
        results={results?.results ?? []}
        nameOf={(id) => names.get(id) ?? id}
        onClose={() => setResults(null)}
      />
    </View>
  );
}
