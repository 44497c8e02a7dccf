// What a programme is, shown where people decide, in a phone-sized Chromium (375×812): before applying the contact
// sees the category's description, the programme's stages in order with its dated phases, and what failing the
// assessment means; the secretariat sees the notes on the programme's source document on the 指标看板.
// Screenshots: test-results/e2e/programme-info-*.png.
import { programNoteKindLabels } from '@/core/program/program-schema';
import { seedProgramByCode } from '@/core/program/seeds';
import { failureMeaning, stagePath } from '@/core/program/stage-path';
import { apiAs } from './support/api';
import { phoneForFile } from './support/phone-file';

const CONTACT = '李工（结构专委会）';
const SECRETARY = '王秘书';
const PROGRAM_ID = 'program-sichuan-civil-2023';

const phone = phoneForFile('programme-info');

function seed() {
  const program = seedProgramByCode('sichuan-civil-2023');
  if (!program) throw new Error('missing seed sichuan-civil-2023');
  return program;
}

test('before applying, a contact sees the category description, the stage path with dates, and what failing means', async () => {
  const program = seed();
  await phone.ui.signInAs(CONTACT);
  // The programme card on the home page: the path folds away; what failing means is always in sight.
  // Seed 004 is silent on failing; its placeholder: a month's rectification, then the award is withdrawn (nothing is
  // paid before acceptance). The text is the programme's own, whatever it says.
  await phone.ui.see('考核不合格：');
  await phone.ui.see(new RegExp(failureMeaning(program.stages).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await phone.ui.tapText('项目流程与时间安排');
  await phone.ui.see('限期整改1个月');
  await phone.ui.see(program.phases[0].name);
  await phone.ui.see('2023年6月25日至2023年12月31日');
  await phone.ui.screenshot('home-programme-path');

  await phone.ui.tapText('我的申报');
  await phone.ui.press('新建申报');
  // A new application: the path is open, the category's description is under the category chosen.
  const shown = await phone.page.locator('.stage-path').filter({ visible: true }).first().innerText();
  // Every step, in order (立项 comes after 立项公示, so each is looked for after the one before).
  let from = 0;
  for (const step of stagePath(program)) {
    const at = shown.indexOf(step.label, from);
    expect([step.label, at >= 0]).toEqual([step.label, true]);
    from = at + step.label.length;
  }
  await phone.ui.see(program.categories[0].description);
  await phone.ui.see(/考核不合格：/);
  // No ISO date anywhere on the page.
  expect(await phone.page.locator('body').innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  await phone.ui.screenshot('new-application');
});

test('the secretariat sees the source note and the notes to confirm on the 指标看板', async () => {
  const secretary = await apiAs(phone.stack.url, 'user-secretary');
  const program = await secretary('program.get', { programId: PROGRAM_ID });
  await phone.ui.signInAs(SECRETARY);
  await phone.ui.tapText('指标看板');
  await phone.ui.see('已立项金额');
  const toConfirm = program.notes.filter((note) => note.kind !== 'priority');
  await phone.ui.tapText(toConfirm.length > 0 ? `待确认事项 ${toConfirm.length} 项` : '项目依据与说明');
  await phone.ui.see(new RegExp(`^${program.sourceNote.slice(0, 20)}`));
  for (const note of program.notes) {
    await phone.ui.see(note.text);
    await phone.ui.see(programNoteKindLabels[note.kind]);
  }
  await phone.ui.screenshot('dashboard-notes');
});
