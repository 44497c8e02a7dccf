// 待核实: the count of claims waiting across the programme's awards; tapped, the list, each opening its award. The
// server answers the whole list at once (not paged), so its search by unit, project or indicator runs here.
import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ActionOutput } from '@/core/schemas/actions';
import { formatShanghaiDateTime } from '@/core/calendar/shanghai';
import { go } from '@/lib/navigation';
import { searchClaims } from '../staff-actions';

type PendingClaim = ActionOutput<'claim.queue'>[number];

/** A search shows once the list is longer than a phone screen. */
const SEARCH_FROM = 6;

export function ClaimQueue({ claims }: { claims: readonly PendingClaim[] | null }) {
  const [open, setOpen] = useState(false);
  const [words, setWords] = useState('');
  if (!claims || claims.length === 0) return null;
  const shown = searchClaims(claims, words);
  return (
    <View className="admin-claims">
      <View className="admin-queue__hint" onClick={() => setOpen(!open)}>
        <Text className="admin-claims__count">待核实 {claims.length}</Text>
        <Text className="admin-link">{open ? '收起' : '查看'}</Text>
      </View>
      {open && claims.length > SEARCH_FROM ? (
        <Input
          className="admin-filters__input"
          value={words}
          placeholder="搜索单位、项目或指标"
          onInput={(event) => setWords(event.detail.value)}
        />
      ) : null}
      {open
        ? shown.map((claim) => (
            <View
              key={claim._id}
              className="admin-row admin-claims__row"
              onClick={() => void go('applicationDetail', { id: claim.applicationId })}
            >
              <Text className="admin-row__title">
                {claim.orgName}：{claim.projectName}
              </Text>
              <Text className="admin-row__meta">
                {claim.indicatorName} {claim.amount}
                {claim.unit} · {formatShanghaiDateTime(claim.createdAt)}
              </Text>
              {claim.duplicates.length > 0 ? (
                <Text className="admin-row__reason">
                  疑似重复使用：
                  {[
                    ...new Set(
                      claim.duplicates.map((duplicate) => `${duplicate.projectName || '（未命名项目）'} · ${duplicate.indicatorName}`),
                    ),
                  ].join('；')}
                </Text>
              ) : null}
            </View>
          ))
        : null}
    </View>
  );
}
