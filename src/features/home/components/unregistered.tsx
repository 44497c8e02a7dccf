// 首页 for a person in no role yet: they join with the invitation code a secretariat sent them, or (once per
// environment) the first administrator sets the organiser up.
import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { go } from '@/lib/navigation';

export function Unregistered({ onSwitchAccount }: { onSwitchAccount: (() => void) | null }) {
  return (
    <View className="page home-page">
      <View className="home-title">欢迎使用学会奖补通</View>
      <View className="home-card">
        <View className="home-card__name">您的微信尚未加入任何单位</View>
        <View className="home-card__summary">
          如果您收到了秘书处发来的邀请码或邀请链接，请输入邀请码，确认后即可使用。也可请秘书处重新发送邀请。
        </View>
      </View>
      <View className="home-actions home-actions--stacked">
        <Button type="primary" size="large" block onClick={() => void go('join')}>
          输入邀请码
        </Button>
        <Button size="large" block fill="outline" onClick={() => void go('setup')}>
          首次设置（管理员）
        </Button>
        {onSwitchAccount ? (
          <Button size="large" block fill="none" onClick={onSwitchAccount}>
            切换账号
          </Button>
        ) : null}
      </View>
    </View>
  );
}
