import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import type { EditorNotice as Notice } from '../hooks/use-application-editor';

interface EditorNoticeProps {
  notice: Notice;
  onReload: () => void;
  onDiscard: () => void;
  onDismiss: () => void;
}

/** Messages about the form: restored text, blocked saves, server errors, a conflicting edit. */
export function EditorNotice({ notice, onReload, onDiscard, onDismiss }: EditorNoticeProps) {
  const tone = notice.kind === 'info' ? 'info' : 'error';
  return (
    <View className={`apply-notice apply-notice--${tone}`}>
      <View className="apply-notice__text">{notice.text}</View>
      {notice.kind === 'error' && notice.items ? (
        <View className="apply-notice__list">
          {notice.items.map((item) => (
            <View key={item} className="apply-notice__item">
              · {item}
            </View>
          ))}
        </View>
      ) : null}
      {notice.kind === 'conflict' ? (
        <View className="apply-notice__actions">
          <Button type="primary" size="normal" onClick={onReload}>
            刷新
          </Button>
          <Button type="default" size="normal" onClick={onDiscard}>
            放弃本机修改
          </Button>
        </View>
      ) : (
        <View className="apply-notice__close" onClick={onDismiss}>
          知道了
        </View>
      )}
    </View>
  );
}
