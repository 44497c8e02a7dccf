// 附件: the files the form asks for in the chosen category, uploaded straight to storage; only file IDs
// go into the application. Uploads need the application's folder, so the draft is saved first.
import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import type { ApplicationForm } from '@/core/program/program-schema';
import type { Attachment } from '@/core/schemas/documents';

interface AttachmentSectionProps {
  asked: ApplicationForm['attachments'];
  attachments: readonly Attachment[];
  /** The application exists on the server (uploads go into its folder). */
  canUpload: boolean;
  uploading: string | null;
  onAdd: (attachmentKey: string) => void;
  onRemove: (fileId: string) => void;
}

export function AttachmentSection({ asked, attachments, canUpload, uploading, onAdd, onRemove }: AttachmentSectionProps) {
  if (asked.length === 0) return null;
  return (
    <View className="apply-section">
      <View className="apply-section__title">附件</View>
      {canUpload ? null : <View className="apply-hint">请先保存草稿，再上传附件。</View>}
      {asked.map((spec) => {
        const files = attachments.filter((attachment) => attachment.key === spec.key);
        return (
          <View key={spec.key} className="apply-row">
            <View className="apply-row__head">
              <View className="apply-attachment__name">
                {spec.name}
                <View className={`apply-attachment__tag${spec.required ? ' apply-attachment__tag--required' : ''}`}>
                  {spec.required ? '必传' : '选传'}
                </View>
              </View>
            </View>
            {files.map((file) => (
              <View key={file.fileId} className="apply-attachment__file">
                <View className="apply-attachment__file-name">📎 {file.name}</View>
                <View className="apply-row__remove" onClick={() => onRemove(file.fileId)}>
                  删除
                </View>
              </View>
            ))}
            <Button
              className="apply-add"
              fill="outline"
              type="primary"
              block
              disabled={!canUpload || uploading !== null}
              loading={uploading === spec.key}
              onClick={() => onAdd(spec.key)}
            >
              {uploading === spec.key ? '上传中…' : '上传文件'}
            </Button>
          </View>
        );
      })}
    </View>
  );
}
