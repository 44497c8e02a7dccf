// An invitation ready to send: its mini-program code to scan, its short code in large letters to read out or
// type, and its link for the browser; each copied with one tap.
import { Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { formatShanghaiDateTime } from '@/core/calendar/shanghai';
import type { InvitationView } from '@/core/schemas/actions';
import { PageState } from '@/components/page-state';
import { invitationQrcode } from '../api/people';
import { copyText } from '@/lib/clipboard';
import { webAddressOf } from '@/lib/platform';
import { personRoleLabels } from '@/features/common/person-roles';
import { useRemote } from '@/features/common/use-remote';

/** 'AB3K7MQ9' → 'AB3K 7MQ9': read out in two halves (the server ignores the space when typed). */
function spaced(code: string): string {
  return `${code.slice(0, 4)} ${code.slice(4)}`;
}

export function InvitationShare({ invitation, onDone }: { invitation: InvitationView; onDone: () => void }) {
  const qr = useRemote(() => invitationQrcode({ invitationId: invitation._id }), [invitation._id]);
  const address = qr.data ? webAddressOf(qr.data.link) : null;
  return (
    <View className="people-share">
      <Text className="people-share__who">
        邀请 {invitation.inviteeName}（{personRoleLabels[invitation.role]} · {invitation.orgName}）
      </Text>
      <PageState loading={qr.loading} error={qr.error} onRetry={() => void qr.reload()}>
        {qr.data ? (
          <View className="people-share__body">
            <Image
              className="people-share__qr"
              src={`data:${qr.data.mime};base64,${qr.data.base64}`}
              mode="aspectFit"
              showMenuByLongpress
            />
            <Text className="admin-muted">微信扫一扫，或长按图片转发</Text>
            <Text className="people-share__label">邀请码</Text>
            <Text className="people-share__code" userSelect>
              {spaced(qr.data.code)}
            </Text>
            {address ? (
              <Text className="people-share__link" userSelect>
                {address}
              </Text>
            ) : null}
            <Text className="admin-muted">有效期至 {formatShanghaiDateTime(invitation.expiresAt)}，只能使用一次</Text>
            <View className="admin-claim__actions">
              <Button fill="outline" onClick={() => void copyText(qr.data?.code ?? '')}>
                复制邀请码
              </Button>
              {address ? (
                <Button fill="outline" onClick={() => void copyText(address)}>
                  复制链接
                </Button>
              ) : null}
            </View>
          </View>
        ) : null}
      </PageState>
      <View className="admin-claim__actions">
        <Button type="primary" onClick={onDone}>
          完成
        </Button>
      </View>
    </View>
  );
}
