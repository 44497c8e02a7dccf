// 选择演示账号: the H5 build's stand-in for WeChat sign-in, offered by the local server in demo mode only.
// The mini-program builds demo-login.weapp.tsx instead (Taro picks it by platform), so no demo sign-in ships there.
import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { PageState } from '@/components/page-state';
import { listDemoAccounts, signInAsDemo, signInAsNewUser, type DemoAccount } from '@/lib/demo-auth';
import { go, restart } from '@/lib/navigation';
import { actingRole } from '@/lib/session';
import { useAction } from '@/features/common/use-action';
import { useRemote } from '@/features/common/use-remote';

function DemoAccounts() {
  const remote = useRemote(listDemoAccounts, []);
  const action = useAction();
  const { error, running: signingIn } = action;

  /** Signs in one way or another (key: what is shown busy), then opens the home page. */
  const begin = (key: string, signIn: () => Promise<void>) =>
    action.run(async () => {
      await signIn();
      await restart('home');
    }, key);
  const choose = (account: DemoAccount) =>
    begin(account.userId, async () => {
      await signInAsDemo(account.userId);
      // The account chosen is the role to act in, even when its person holds others.
      actingRole.set(account.userId);
    });
  // A person WeChat knows but no role yet: the home page offers the invitation code and the first setup.
  const beginAsNewUser = () => begin('new-user', signInAsNewUser);

  return (
    <View className="page home-page">
      <View className="home-title">选择演示账号</View>
      <View className="home-intro">
        这是本地演示环境中代替微信登录的方式：选择一个账号即以该身份使用。正式小程序中将自动识别您的微信身份。
      </View>
      {error ? <View className="home-error">{error}</View> : null}
      <PageState
        loading={remote.loading}
        error={remote.error}
        empty={remote.data?.length === 0}
        emptyText="没有可用的演示账号"
        onRetry={() => void remote.reload()}
      >
        {(remote.data ?? []).map((account) => (
          <View
            key={account.userId}
            className={`home-account${signingIn === account.userId ? ' home-account--busy' : ''}`}
            onClick={() => void choose(account)}
          >
            <View className="home-account__name">{account.name}</View>
            <View className="home-account__meta">
              {account.roleLabel} · {account.orgName}
            </View>
            <View className="home-account__go">{signingIn === account.userId ? '登录中…' : '›'}</View>
          </View>
        ))}
      </PageState>
      <View className="home-intro">收到了邀请码，或要体验首次设置？请以新的微信用户身份继续：</View>
      <Button size="large" block fill="outline" loading={signingIn === 'new-user'} onClick={() => void beginAsNewUser()}>
        以新微信用户身份继续
      </Button>
      <View className="home-footer">
        <View onClick={() => void go('privacy')}>隐私保护指引</View>
      </View>
    </View>
  );
}

export function DemoLogin() {
  return <DemoAccounts />;
}
