// The mini-program's sign-in page: WeChat identifies the person, so there is nothing to choose. Taro builds this
// file instead of demo-login.tsx for weapp, which keeps the demo accounts and their server calls out of the package.
import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { go, restart } from '@/lib/navigation';

export function DemoLogin() {
  return (
    <View className="page home-page">
      <View className="home-intro">微信小程序中将自动识别您的微信身份</View>
      <View className="home-actions">
        <Button type="primary" size="large" block onClick={() => void restart('home')}>
          进入首页
        </Button>
      </View>
      <View className="home-footer">
        <View onClick={() => void go('privacy')}>隐私保护指引</View>
      </View>
    </View>
  );
}
