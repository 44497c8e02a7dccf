// 指标完成情况: what the awardee claimed, with evidence photos that open full-size on tap, documents, links and
// repeated photos flagged; the secretariat
// verifies (核实) or rejects (驳回, with a reason) each claim. Only verified claims count toward the targets.
import { Image, Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { formatShanghaiDateTime } from '@/core/calendar/shanghai';
import { isPhotoFile } from '@/core/evidence/upload-rules';
import type { Program } from '@/core/program/program-schema';
import { indicatorByKey } from '@/core/program/program-rules';
import type { Claim } from '@/core/schemas/documents';
import { useAction } from '@/features/common/use-action';
import { verifyClaim } from '../api/awards';
import { previewImages } from '@/lib/preview';
import { noteClaimSettled } from '../hooks/use-claim-queue';
import { settle } from '../hooks/use-decision';
import type { FileLinks } from '../hooks/use-file-links';
import { IndicatorNote } from '@/components/program-info';
import { formatIndicatorValue } from './indicator-value';
import { ModerationNotice } from './moderation-notice';
import { ReasonDialog } from './reason-dialog';
import { ClaimEvidenceFacts, DuplicateNotice } from './claim-evidence';

export function EvidencePhotos({ fileIds: all, links }: { fileIds: readonly string[]; links: FileLinks }) {
  // Documents (PDF, Word) are listed by ClaimEvidenceFacts, not drawn as pictures.
  const fileIds = all.filter(isPhotoFile);
  const urls = fileIds.map((fileId) => links[fileId]).filter((url): url is string => Boolean(url));
  if (fileIds.length === 0) return null;
  return (
    <View className="admin-photos">
      {fileIds.map((fileId, index) => {
        const url = links[fileId];
        if (url === undefined) return <View key={fileId} className="admin-photos__cell admin-photos__cell--wait" />;
        if (url === null) {
          return (
            <View key={fileId} className="admin-photos__cell admin-photos__cell--fail">
              <Text>图片无法加载</Text>
            </View>
          );
        }
        return (
          <Image
            key={fileId}
            className="admin-photos__cell"
            src={url}
            mode="aspectFill"
            lazyLoad
            ariaLabel={`佐证照片 ${index + 1}`}
            onClick={() => void previewImages(urls, url)}
          />
        );
      })}
    </View>
  );
}

const verificationTags: Record<Claim['verification'], { label: string; type: 'default' | 'success' | 'danger' }> = {
  pending: { label: '待核实', type: 'default' },
  verified: { label: '已核实', type: 'success' },
  rejected: { label: '已驳回', type: 'danger' },
};

interface ClaimListProps {
  claims: readonly Claim[];
  program: Pick<Program, 'indicators'>;
  links: FileLinks;
  onChanged: () => unknown;
}

export function ClaimList({ claims, program, links, onChanged }: ClaimListProps) {
  // The row whose claim is being checked (its id labels the call); settle shows a refusal.
  const checking = useAction();
  const busy = checking.running;
  const [rejecting, setRejecting] = useState<Claim | null>(null);

  /** Rejects on a refusal, so the reason dialog stays open with what was typed. */
  function verify(claim: Claim, decision: 'verified' | 'rejected', reason?: string) {
    return checking.attempt(
      () =>
        settle(
          async () => {
            const saved = await verifyClaim({ claimId: claim._id, version: claim.version, decision, ...(reason ? { reason } : {}) });
            noteClaimSettled(claim._id);
            return saved;
          },
          decision === 'verified' ? '已核实' : '已驳回',
          onChanged,
        ),
      claim._id,
    );
  }

  if (claims.length === 0) return <Text className="admin-muted">立项单位尚未填报完成情况</Text>;
  return (
    <View>
      {claims.map((claim) => {
        const indicator = indicatorByKey(program, claim.indicatorKey);
        const tag = verificationTags[claim.verification];
        return (
          <View className="admin-claim" key={claim._id}>
            <View className="admin-claim__head">
              <Text className="admin-list__name">{indicator?.name ?? claim.indicatorKey}</Text>
              <Text className="admin-list__value">
                {formatIndicatorValue(indicator?.kind ?? 'count', indicator?.unit ?? '', claim.amount)}
              </Text>
            </View>
            <IndicatorNote indicator={indicator} />
            <ModerationNotice
              moderation={claim.moderation}
              target={{ entity: 'claim', id: claim._id, version: claim.version }}
              onChanged={onChanged}
            />
            <Text className="admin-claim__text">{claim.description}</Text>
            <EvidencePhotos fileIds={claim.fileIds} links={links} />
            <ClaimEvidenceFacts claim={claim} links={links} />
            <DuplicateNotice claim={claim} indicatorName={indicator?.name ?? claim.indicatorKey} links={links} />
            <View className="admin-claim__foot">
              <Text className="admin-list__sub">填报于 {formatShanghaiDateTime(claim.createdAt)}</Text>
              <Tag type={tag.type}>{tag.label}</Tag>
            </View>
            {claim.verificationReason ? <Text className="admin-row__reason">驳回理由：{claim.verificationReason}</Text> : null}
            {claim.verification === 'pending' ? (
              <View className="admin-claim__actions">
                <Button size="small" type="warning" fill="outline" disabled={busy !== null} onClick={() => setRejecting(claim)}>
                  驳回
                </Button>
                <Button
                  size="small"
                  type="primary"
                  disabled={busy !== null}
                  loading={busy === claim._id}
                  onClick={() => void verify(claim, 'verified').catch(() => undefined)}
                >
                  核实
                </Button>
              </View>
            ) : null}
          </View>
        );
      })}
      <ReasonDialog
        visible={rejecting !== null}
        title="驳回填报"
        confirmText="确认驳回"
        required
        description="请写明驳回理由（如佐证不足、数量不符），立项单位将看到此理由。"
        chips={['佐证材料不足', '数量与佐证不符', '不属于本指标']}
        onConfirm={async (reason) => {
          if (rejecting) await verify(rejecting, 'rejected', reason);
          setRejecting(null);
        }}
        onClose={() => setRejecting(null)}
      />
    </View>
  );
}
