// The experts the server offers for an application, to tick for assignment: loading, empty and error states, and
// (for one application) who is already assigned or recused and why. Used by 专家评审 on the staff detail and by the
// queue's 批量分配评审专家 dialog.
import { ScrollView, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { ActionOutput } from '@/core/schemas/actions';
import { PageState } from '@/components/page-state';
import type { Remote } from '@/features/common/use-remote';

type Candidate = ActionOutput<'review.candidates'>[number];

export function ReviewerCandidates({
  candidates,
  selected,
  onToggle,
  bulk = false,
  children,
}: {
  candidates: Remote<readonly Candidate[]>;
  selected: readonly string[];
  onToggle: (userId: string) => void;
  /**
   * For many applications at once: the candidates were read for the first of them, so whether an expert is already
   * assigned or recused holds for that one only; the server judges each application, so none is marked or locked
   * here, and the list scrolls inside its dialog.
   */
  bulk?: boolean;
  /** Below the list once it has loaded (the assign button). */
  children?: ReactNode;
}) {
  const list = candidates.data ?? [];
  const rows = list.map((candidate) => {
    const disabled = !bulk && (candidate.assigned || candidate.excludedBecause !== null);
    const checked = selected.includes(candidate.userId);
    return (
      <View
        key={candidate.userId}
        className={`admin-pick${disabled ? ' admin-pick--disabled' : ''}`}
        role="checkbox"
        aria-checked={checked}
        aria-disabled={disabled}
        onClick={() => (disabled ? undefined : onToggle(candidate.userId))}
      >
        <View className={`admin-check${checked ? ' admin-check--on' : ''}`} />
        <View className="admin-list__main">
          <Text className="admin-list__name">{candidate.name}</Text>
          <Text className="admin-list__sub">
            {candidate.orgName}
            {!bulk && candidate.assigned ? ' · 已分配' : ''}
            {!bulk && candidate.excludedBecause ? ` · 回避：${candidate.excludedBecause}` : ''}
          </Text>
        </View>
      </View>
    );
  });
  return (
    <PageState
      loading={candidates.loading && !candidates.data}
      error={candidates.error}
      empty={list.length === 0}
      emptyText="暂无可选的评审专家"
      onRetry={() => void candidates.reload()}
    >
      {bulk ? (
        <ScrollView scrollY className="admin-results">
          {rows}
        </ScrollView>
      ) : (
        rows
      )}
      {children}
    </PageState>
  );
}
