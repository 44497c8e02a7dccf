// Evidence photos being attached: thumbnails with their upload state, retry, remove and "add".
import { Button } from '@nutui/nutui-react-taro';
import { Image, View } from '@tarojs/components';
import { MAX_PHOTOS, type useEvidencePhotos } from '../hooks/use-evidence-photos';

interface EvidencePhotoGridProps {
  evidence: ReturnType<typeof useEvidencePhotos>;
  title?: string;
  /** Offer PDF and Word files too (claims). */
  documents?: boolean;
}

export function EvidencePhotoGrid({ evidence, title = '佐证照片', documents = false }: EvidencePhotoGridProps) {
  return (
    <View className="apply-section">
      <View className="apply-section__title">
        {title}（{evidence.photos.length} / {MAX_PHOTOS}）
      </View>
      <View className="apply-photos">
        {evidence.photos.map((photo) => (
          <View key={photo.localId} className={`apply-photo apply-photo--${photo.state}`}>
            {photo.name ? (
              <View className="apply-photo__image apply-photo__document">{photo.name}</View>
            ) : (
              <Image
                className="apply-photo__image"
                src={photo.path}
                mode="aspectFill"
                onClick={() => (photo.state === 'failed' ? evidence.retry(photo.localId) : undefined)}
              />
            )}
            {photo.state !== 'done' ? (
              <View className="apply-photo__state" onClick={() => evidence.retry(photo.localId)}>
                {photo.state === 'uploading' ? '上传中…' : '上传失败\n点击重试'}
              </View>
            ) : null}
            <View className="apply-photo__remove" onClick={() => evidence.remove(photo.localId)}>
              ×
            </View>
          </View>
        ))}
      </View>
      {evidence.progress ? (
        <View className="apply-hint">
          正在上传 {evidence.progress.done} / {evidence.progress.total}…
        </View>
      ) : null}
      {evidence.pickError ? <View className="apply-row__error">{evidence.pickError}</View> : null}
      {evidence.photos.length < MAX_PHOTOS ? (
        <Button className="apply-add" fill="outline" type="primary" block onClick={() => void evidence.addPhotos()}>
          添加照片
        </Button>
      ) : null}
      {documents && evidence.photos.length < MAX_PHOTOS ? (
        <Button className="apply-add" fill="outline" type="primary" block onClick={() => void evidence.addDocument()}>
          添加 PDF / Word 文件
        </Button>
      ) : null}
    </View>
  );
}
