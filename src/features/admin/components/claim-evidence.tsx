// What a verifier reads beside a claim's photos: the activity's day and place, documents and 天府科技云 links,
// when each photo was taken (its EXIF, or as the phone read it from the original) and uploaded, and 疑似重复使用
// with both uses of a repeated photo side by side.
import { Image, Text, View } from '@tarojs/components';
import { formatCalendarDay, formatShanghaiDateTime } from '@/core/calendar/shanghai';
import { captureTimeText } from '@/core/evidence/capture-time';
import { isPhotoFile } from '@/core/evidence/upload-rules';
import type { Claim, EvidenceDuplicate } from '@/core/schemas/documents';
import { copyText } from '@/lib/clipboard';
import { openFileLink } from '@/lib/open-file';
import { previewImages } from '@/lib/preview';
import type { FileLinks } from '../hooks/use-file-links';

const matchLabels: Record<EvidenceDuplicate['match'], string> = { identical: '同一文件', similar: '相似照片（可能经压缩或缩放）' };

/** A file as a verifier opens it: a thumbnail for a photo, a named link for a document. */
function EvidenceFile({ fileId, label, links }: { fileId: string; label: string; links: FileLinks }) {
  const url = links[fileId];
  if (!url) return <View className="admin-photos__cell admin-photos__cell--fail">{url === null ? '无法加载' : '加载中'}</View>;
  if (isPhotoFile(fileId)) {
    return (
      <Image className="admin-photos__cell" src={url} mode="aspectFill" ariaLabel={label} onClick={() => void previewImages([url], url)} />
    );
  }
  return (
    <Text className="admin-link" onClick={() => void openFileLink(url, fileId.split('/').pop() ?? label)}>
      {label}
    </Text>
  );
}

/** The claim's day and place, documents, links and what the server read from each photo. */
export function ClaimEvidenceFacts({ claim, links }: { claim: Claim; links: FileLinks }) {
  const documents = claim.fileIds.filter((fileId) => !isPhotoFile(fileId));
  const photos = claim.fileFacts.filter((fact) => isPhotoFile(fact.fileId));
  const when = [claim.activityOn ? `活动日期 ${formatCalendarDay(claim.activityOn)}` : null, claim.place ? `地点 ${claim.place}` : null];
  return (
    <View className="admin-evidence">
      {when.some(Boolean) ? <Text className="admin-list__sub">{when.filter(Boolean).join(' · ')}</Text> : null}
      {documents.map((fileId, index) => (
        <View key={fileId}>
          <EvidenceFile fileId={fileId} label={`佐证文件 ${index + 1}（${fileId.split('.').pop()?.toUpperCase() ?? ''}）`} links={links} />
        </View>
      ))}
      {claim.links.map((link) => (
        <View key={link} className="admin-evidence__link" onClick={() => void copyText(link)}>
          <Text className="admin-list__sub">天府科技云记录：</Text>
          <Text className="admin-link">{link}</Text>
        </View>
      ))}
      {photos.map((fact) => (
        <Text key={fact.fileId} className="admin-list__sub admin-evidence__fact">
          照片 {claim.fileIds.indexOf(fact.fileId) + 1}：{captureTimeText(fact)} · 上传时间 {formatShanghaiDateTime(fact.receivedAt)}
        </Text>
      ))}
    </View>
  );
}

/** 疑似重复使用: each repeated file of this claim next to the other claim's file, with where that one was used. */
export function DuplicateNotice({ claim, indicatorName, links }: { claim: Claim; indicatorName: string; links: FileLinks }) {
  if (claim.duplicates.length === 0) return null;
  return (
    <View className="admin-duplicate">
      <Text className="admin-duplicate__title">疑似重复使用</Text>
      {claim.duplicates.map((duplicate) => (
        <View key={`${duplicate.fileId}|${duplicate.claimId}|${duplicate.otherFileId}`} className="admin-duplicate__pair">
          <View className="admin-duplicate__use">
            <EvidenceFile fileId={duplicate.fileId} label="本条佐证" links={links} />
            <Text className="admin-list__sub">本条：{indicatorName}</Text>
          </View>
          <View className="admin-duplicate__use">
            <EvidenceFile fileId={duplicate.otherFileId} label="另一条佐证" links={links} />
            <Text className="admin-list__sub">
              {duplicate.orgName ? `${duplicate.orgName}：` : ''}
              {duplicate.projectName || '（未命名项目）'} · {duplicate.indicatorName}
            </Text>
          </View>
          <Text className="admin-duplicate__match">{matchLabels[duplicate.match]}</Text>
        </View>
      ))}
    </View>
  );
}
