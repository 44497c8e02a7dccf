// H5 demo only: someone opens the app with nobody signed in. In WeChat the person is always known to the
// platform; here they continue as a new WeChat user (a fresh identity from the local server) or pick a demo
// account. The mini-program builds new-user-offer.weapp.tsx instead, so no demo sign-in ships there.
import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { signInAsNewUser } from '@/lib/demo-auth';
import { restart } from '@/lib/navigation';
import { useAction } from '@/features/common/use-action';

export function NewUserOffer({ onReady }: { onReady: () => void }) {
  const action = useAction();

  const begin = async () => {
    if ((await action.run(signInAsNewUser)) !== null) onReady();
  };

  return (
    <View className="join-card">
      <View className="join-card__lead">本地演示环境</View>
      <View className="join-card__text">
        正式小程序中由微信自动识别您的身份。在这里，请以一位新的微信用户身份继续，或选择已有的演示账号。
      </View>
      {action.error ? <View className="home-error">{action.error}</View> : null}
      <View className="join-actions">
        <Button type="primary" size="large" block loading={action.busy} onClick={() => void begin()}>
          以新微信用户身份继续
        </Button>
        <Button size="large" block fill="outline" onClick={() => void restart('login')}>
          选择演示账号
        </Button>
      </View>
    </View>
  );
}
