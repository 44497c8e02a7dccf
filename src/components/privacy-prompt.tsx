// The question WeChat asks before the camera, the album, chat files or the clipboard are first used: the person
// reads the guide and agrees or refuses. Agreeing must be a tap on a button of open-type agreePrivacyAuthorization.
import { useEffect, useState } from 'react';
import { Button, View } from '@tarojs/components';
import { PRIVACY_AGREE_BUTTON, answerPrivacyQuestion, openPrivacyGuide, watchPrivacyQuestion } from '@/lib/privacy';
import './privacy-prompt.css';

export function PrivacyPrompt() {
  const [asking, setAsking] = useState(false);
  useEffect(() => watchPrivacyQuestion(setAsking), []);
  if (!asking) return null;
  return (
    <View className="privacy-prompt">
      <View className="privacy-prompt__sheet">
        <View className="privacy-prompt__title">用户隐私保护提示</View>
        <View className="privacy-prompt__text">
          使用拍照、相册、聊天文件或剪贴板前，请阅读
          <View className="privacy-prompt__link" onClick={openPrivacyGuide}>
            《用户隐私保护指引》
          </View>
          。我们只用这些内容办理您的申报与评审，不作他用。同意后即可继续；拒绝不影响浏览其他内容。
        </View>
        <View className="privacy-prompt__actions">
          <Button className="privacy-prompt__refuse" onClick={() => answerPrivacyQuestion(false)}>
            拒绝
          </Button>
          <Button
            id={PRIVACY_AGREE_BUTTON}
            className="privacy-prompt__agree"
            openType="agreePrivacyAuthorization"
            onAgreePrivacyAuthorization={() => answerPrivacyQuestion(true)}
          >
            同意
          </Button>
        </View>
      </View>
    </View>
  );
}
