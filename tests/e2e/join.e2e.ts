// A new person joins by invitation, with no database console, in a phone-sized Chromium against the H5 build
// on the real local server: the secretariat invites a unit's contact from 人员与邀请 and reads the short code
// and link off the screen; a new WeChat user (a fresh local identity, in a browser of their own) opens the link,
// sees who invites them for what, confirms, and as that unit's contact applies to the society's programme.
// A used invitation is then refused in the server's words. Screenshots: test-results/e2e/join-*.png.
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { phoneUi, type PhoneUi } from './support/phone-ui';
import { PHONE, SCREENSHOTS } from './support/stack';
import { phoneForFile } from './support/phone-file';

const SECRETARY = '王秘书';
const SOCIETY = '四川省土木建筑学会';
const UNIT = '科普工作委员会';
const NEWCOMER = '孙老师（科普工委）';
const PROJECT = '抗震减灾科普进校园';

const others: BrowserContext[] = [];

const phone = phoneForFile('join', async () => {
  for (const context of others) {
    const [last] = context.pages();
    await last
      ?.screenshot({ path: path.join(SCREENSHOTS, `join-last-screen-other-${others.indexOf(context) + 1}.png`) })
      .catch(() => undefined);
  }
});

/** Another phone: a browser profile of its own, so nobody is signed in on it. */
async function anotherPhone(): Promise<PhoneUi> {
  const context = await phone.browser.newContext(PHONE);
  others.push(context);
  return phoneUi(await context.newPage(), phone.stack.url, 'join', phone.ui.shots);
}

test('the secretariat invites a unit contact; a new WeChat user opens the link, confirms, and applies as that contact', async () => {
  // The secretariat opens 人员与邀请 and invites a contact for one of its units.
  await phone.ui.signInAs(SECRETARY);
  await phone.ui.tapText('人员与邀请');
  await phone.ui.see('邀请记录');
  await phone.ui.screenshot('people');
  await phone.ui.press('邀请新成员');
  await phone.ui.tapText(UNIT);
  await phone.ui.field('被邀请人姓名').fill(NEWCOMER);
  await phone.ui.field('被邀请人手机号').fill('13900000009');
  await phone.ui.tapText('14 天');
  await phone.ui.screenshot('invite-form');
  await phone.ui.press('生成邀请');

  // The invitation to send: its code to scan, its short code in large letters, its link.
  const codeOnScreen = phone.page.locator('.people-share__code').filter({ visible: true });
  await codeOnScreen.waitFor();
  const code = (await codeOnScreen.innerText()).replace(/\s/g, '');
  expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
  const link = (await phone.page.locator('.people-share__link').filter({ visible: true }).innerText()).trim();
  expect(link).toBe(`${phone.stack.url}#/pages/join/index?code=${code}`);
  await phone.page.waitForFunction(() =>
    Array.from(document.querySelectorAll<HTMLImageElement>('.people-share__qr img')).some(
      (image) => image.complete && image.naturalWidth > 100,
    ),
  );
  await phone.ui.see('有效期至 2023年7月17日 09:00'); // 14 days from the demo clock's Monday 3 July, 09:00
  await phone.ui.screenshot('invitation-issued');
  await phone.ui.press('复制邀请码');
  await phone.ui.see('内容已复制');

  // A new WeChat user opens the link on their own phone: continues as such, and sees the invitation.
  const newcomer = await anotherPhone();
  await newcomer.page.goto(link);
  await newcomer.see('以新微信用户身份继续');
  await newcomer.screenshot('link-opened-new-user');
  await newcomer.press('以新微信用户身份继续');
  await newcomer.see(`${SECRETARY}邀请您加入${SOCIETY}的奖补工作`);
  const card = (await newcomer.page.locator('.join-card').filter({ visible: true }).innerText()).replace(/\s+/g, ' ');
  for (const fact of [
    `被邀请人 ${NEWCOMER}`,
    '身份 单位联系人',
    `单位 ${UNIT}`,
    `组织方 ${SOCIETY}`,
    `邀请人 ${SECRETARY}`,
    '有效期至 2023年7月17日',
  ]) {
    expect(card).toContain(fact);
  }
  await newcomer.screenshot('invitation-seen');
  await newcomer.press('确认加入');

  // From now on they are the unit's contact: the home page greets them and offers 我的申报.
  await newcomer.page.locator('.home-me__name', { hasText: NEWCOMER }).filter({ visible: true }).waitFor();
  await newcomer.see(`申报单位联系人 · ${UNIT}`);
  await newcomer.screenshot('joined-home');

  // As that contact they apply to the society's programme and submit.
  await newcomer.tapText('我的申报');
  await newcomer.press('新建申报');
  await newcomer.field('请输入项目名称').fill(PROJECT);
  await newcomer.field('请填写实施方案').fill('在成都市5所中小学开展抗震减灾科普讲座5场，发布科普成果2项，7月至11月实施。');
  await newcomer.field('如：专家劳务费').fill('专家劳务费');
  await newcomer.field('如：1200').fill('2500');
  await newcomer.field('如：2 人 × 600 元').fill('5场 × 500元');
  await newcomer.see('合计 2,500 元 / 上限 3,000 元');
  await newcomer.pickFirst('请选择指标');
  await newcomer.field('整数').fill('2');
  await newcomer.field('请输入姓名').fill('孙丽');
  await newcomer.tapText('本单位已阅读并同意以上承诺');
  await newcomer.see('✓ 已填写完整，可以提交');
  await newcomer.screenshot('application-filled');
  await newcomer.press('提交申报');
  await newcomer.confirmDialog('提交');
  await newcomer.status('已提交，等待形式审查');
  await newcomer.screenshot('application-submitted');

  // Someone else opening the same link is refused in the server's words: the invitation has been used.
  const latecomer = await anotherPhone();
  await latecomer.page.goto(link);
  await latecomer.press('以新微信用户身份继续');
  const refusal = latecomer.page.locator('.home-error').filter({ visible: true });
  await refusal.waitFor();
  await expect(refusal.innerText()).resolves.toMatch(/[\u4e00-\u9fa5]/);
  await latecomer.screenshot('used-invitation-refused');

  // The secretariat sees the new contact among the people, the invitation used, and the application to check.
  await phone.ui.open('/admin/pages/people/index');
  await phone.ui.see(NEWCOMER);
  await phone.ui.status('已使用');
  const row = (await phone.page.locator('.people-row', { hasText: NEWCOMER }).filter({ visible: true }).first().innerText()).replace(
    /\s+/g,
    ' ',
  );
  expect(row).toContain(`${UNIT} · 13900000009`);
  await phone.ui.screenshot('people-after-join');
  await phone.ui.open('/pages/index/index');
  await phone.ui.tapText('申报审核');
  await phone.ui.tapText('形式审查');
  await phone.ui.see(PROJECT);
  await phone.ui.screenshot('secretariat-queue');
});

/** A person's row on 人员与邀请, and a button in it. */
function personRow(name: string) {
  return phone.page.locator('.people-row', { hasText: name }).filter({ visible: true }).first();
}
async function pressInRow(name: string, label: string): Promise<void> {
  await personRow(name).locator('taro-button-core', { hasText: label }).tap();
}
async function rowText(name: string): Promise<string> {
  return (await personRow(name).innerText()).replace(/\s+/g, ' ');
}

/** Someone WeChat knows but no one has invited: signed in on a phone of their own, on the home phone.page. */
async function unregisteredPerson(): Promise<PhoneUi> {
  const person = await anotherPhone();
  await person.open('/pages/index/index');
  await person.press('以新微信用户身份继续');
  await person.see('您的微信尚未加入任何单位');
  return person;
}

test('the secretariat moves, ends and erases roles and revokes an invitation; a typed code and a wrong setup code are answered', async () => {
  await phone.ui.signInAs(SECRETARY);
  await phone.ui.open('/admin/pages/people/index');
  await phone.ui.see('邀请记录');

  // 调整单位: a contact moves to another of the society's units.
  await pressInRow('张主任（省建院）', '调整单位');
  await phone.page.locator('.people-dialog .people-unit', { hasText: '西南交通大学土木工程学院' }).tap();
  await phone.ui.screenshot('reassign');
  await phone.ui.press('保存');
  await personRow('张主任（省建院）').filter({ hasText: '西南交通大学土木工程学院 · 13800000003' }).waitFor();

  // 撤销身份 with a reason: the contact can no longer act, and their home page says how to join again.
  await pressInRow('陈老师（学术工委）', '撤销身份');
  await phone.ui.field('理由（必填）').fill('已离任，由新联系人接替');
  await phone.ui.screenshot('revoke-role');
  await phone.ui.confirmNutDialog('确认撤销身份');
  await personRow('陈老师（学术工委）').locator('.nut-tag', { hasText: '已撤销' }).waitFor();

  // 删除个人信息 at the person's request: name and phone are erased, the row says so.
  await pressInRow('周高工（评审专家，结构专委会）', '删除个人信息');
  await phone.ui.field('理由（必填）').fill('本人申请删除个人信息');
  await phone.ui.confirmNutDialog('确认删除');
  await phone.ui.see('已删除的用户');
  expect(await rowText('已删除的用户')).toContain('已删除');
  await phone.ui.screenshot('people-changed');

  // An expert invitation (employer: the society itself) is issued, then typed by the invitee in lower case
  // with a dash; before they confirm, the secretariat revokes it, and their confirmation is refused.
  await phone.ui.press('邀请新成员');
  await phone.ui.tapText('评审专家');
  await phone.ui.tapText('本会');
  await phone.ui.field('被邀请人姓名').fill('马教授');
  await phone.ui.press('生成邀请');
  const codeOnScreen = phone.page.locator('.people-share__code').filter({ visible: true });
  await codeOnScreen.waitFor();
  const code = (await codeOnScreen.innerText()).replace(/\s/g, '');
  await phone.ui.press('完成');

  const invitee = await unregisteredPerson();
  await invitee.screenshot('unregistered-home');
  await invitee.press('输入邀请码');
  await invitee.field('如 AB3K7MQ9').fill(`${code.slice(0, 4).toLowerCase()}-${code.slice(4).toLowerCase()}`);
  await invitee.press('查看邀请');
  await invitee.see('马教授');
  expect((await invitee.page.locator('.join-card').filter({ visible: true }).innerText()).replace(/\s+/g, ' ')).toContain(
    '工作单位 四川省土木建筑学会',
  );
  await invitee.screenshot('typed-code-expert-invitation');

  const invitationRow = phone.page.locator('.people-row', { hasText: '马教授' }).filter({ visible: true }).first();
  await invitationRow.locator('taro-button-core', { hasText: '撤销' }).tap();
  await phone.ui.confirmNutDialog('确认撤销邀请');
  await invitationRow.locator('.nut-tag', { hasText: '已撤销' }).waitFor();

  await invitee.press('确认加入');
  await invitee.see('该邀请已被秘书处撤销');
  await invitee.screenshot('revoked-invitation-refused');

  // 首次设置 is for a new environment only: here a wrong setup code is refused in the server's words.
  const stranger = await unregisteredPerson();
  await stranger.press('首次设置（管理员）');
  await stranger.field('部署时生成的设置码').fill('not-the-code');
  await stranger.field('如 四川省土木建筑学会').fill('某某市科学技术协会');
  await stranger.tapText('科协');
  await stranger.field('姓名').fill('林主任');
  await stranger.press('完成设置');
  await stranger.see('初始设置码不正确');
  await stranger.screenshot('setup-refused');
});
