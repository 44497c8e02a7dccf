// 指标完成情况: what the awardee reported, with evidence photos that open full-size on tap.
import { Image, Text, View } from '@tarojs/components';
import { formatShanghaiDateTime } from '@/core/calendar/shanghai';
import { indicatorByKey, type Program } from '@/core/program/program-schema';
import type { Claim } from '@/core/schemas/documents';
import { previewImages } from '@/lib/preview';
import type { FileLinks } from '../hooks/use-file-links';
import { formatIndicatorValue } from './indicator-value';

function EvidencePhotos({ fileIds, links }: { fileIds: readonly string[]; links: FileLinks }) {
  const urls = fileIds.map((fileId) => links[fileId]).filter((url): url is string => Boolean(url));
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

interface ClaimListProps {
  claims: readonly Claim[];
  program: Pick<Program, 'indicators'>;
  links: FileLinks;
}

export function ClaimList({ claims, program, links }: ClaimListProps) {
  if (claims.length === 0) return <Text className="admin-muted">立项单位尚未填报完成情况</Text>;
  return (
    <View>
      {claims.map((claim) => {
        const indicator = indicatorByKey(program, claim.indicatorKey);
        return (
          <View className="admin-claim" key={claim._id}>
            <View className="admin-claim__head">
              <Text className="admin-list__name">{indicator?.name ?? claim.indicatorKey}</Text>
              <Text className="admin-list__value">
                {formatIndicatorValue(indicator?.kind ?? 'count', indicator?.unit ?? '', claim.amount)}
              </Text>
            </View>
            <Text className="admin-claim__text">{claim.description}</Text>
            <EvidencePhotos fileIds={claim.fileIds} links={links} />
            <Text className="admin-list__sub">填报于 {formatShanghaiDateTime(claim.createdAt)}</Text>
          </View>
        );
      })}
    </View>
  );
}
