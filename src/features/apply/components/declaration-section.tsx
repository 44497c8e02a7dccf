// 申报承诺: the programme's commitment text, signed with a name and an explicit agreement.
import { Input } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';

interface DeclarationSectionProps {
  text: string;
  signerName: string;
  agreed: boolean;
  onSignerName: (name: string) => void;
  onAgreed: (agreed: boolean) => void;
}

export function DeclarationSection({ text, signerName, agreed, onSignerName, onAgreed }: DeclarationSectionProps) {
  return (
    <View className="apply-section">
      <View className="apply-section__title">申报承诺</View>
      <View className="apply-declaration">{text}</View>
      <View className="apply-field">
        <View className="apply-field__label">签名人（单位负责人）</View>
        <Input className="apply-input" value={signerName} placeholder="请输入姓名" onChange={onSignerName} />
      </View>
      <View className={`apply-agree${agreed ? ' apply-agree--on' : ''}`} onClick={() => onAgreed(!agreed)}>
        <View className="apply-agree__box">{agreed ? '✓' : ''}</View>
        <View className="apply-agree__text">本单位已阅读并同意以上承诺</View>
      </View>
    </View>
  );
}
