// How a person uses the H5 build on a phone, in the terms Taro renders it: buttons and inputs are web
// components (taro-button-core, taro-input-core), earlier pages stay in the DOM hidden, confirmations are
// Taro modals, reason prompts are NutUI dialogs, selectors are weui pickers.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOTS } from './stack';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Screenshots are numbered in the order taken; pages of one story (e.g. a second context) share a counter. */
export interface ShotCounter {
  taken: number;
}

export function phoneUi(page: Page, baseUrl: string, screenshotPrefix: string, shots: ShotCounter = { taken: 0 }) {
  /**
   * Waits until the router's pages have stopped moving (Taro marks a page taro_page_stationed once it has
   * slid in; one sliding out is displayed without it until removed) and other animations have ended.
   */
  async function settled(): Promise<void> {
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('.taro_router > .taro_page')).every(
        (element) => element.classList.contains('taro_page_stationed') || element.getClientRects().length === 0,
      ),
    );
    await settleAnimations();
  }

  /** Waits for running CSS animations and transitions (a page sliding in, a picker rising) to end. */
  async function settleAnimations(): Promise<void> {
    await page.evaluate(() =>
      Promise.all(
        document
          .getAnimations()
          .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
          .map((animation) => animation.finished.catch(() => undefined)),
      ).then(() => undefined),
    );
  }

  /** Visible text only: Taro's H5 router keeps earlier pages in the DOM, hidden. */
  function text(value: string | RegExp) {
    return page
      .getByText(value, { exact: typeof value === 'string' })
      .filter({ visible: true })
      .first();
  }

  const ui = {
    page,
    shots,
    text,

    /**
     * test-results/e2e/<prefix>-NN-<name>.png, numbered in the order taken. The whole page: Taro scrolls inside
     * the shown .taro_page, not the document, so fullPage alone would stop at the fold; the viewport is
     * stretched to the page's height for the picture (not while a dialog, picker or photo preview is open) and put back.
     */
    async screenshot(name: string): Promise<void> {
      shots.taken += 1;
      const file = path.join(SCREENSHOTS, `${screenshotPrefix}-${String(shots.taken).padStart(2, '0')}-${name}.png`);
      await settled(); // a page still sliding in would be pictured half off screen
      const viewport = page.viewportSize();
      const height = await page.evaluate(() => {
        const visible = (element: HTMLElement) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
        const all = (selector: string) => Array.from(document.querySelectorAll<HTMLElement>(selector)).filter(visible);
        if (all('.nut-dialog, .taro-modal__mask, .weui-picker, .preview-image').length > 0) return 0;
        return all('.taro_page_show').at(-1)?.scrollHeight ?? 0;
      });
      if (!viewport || height <= viewport.height) {
        await page.screenshot({ path: file, fullPage: true });
        return;
      }
      await page.setViewportSize({ width: viewport.width, height: Math.min(height, 6000) });
      try {
        await page.screenshot({ path: file });
      } finally {
        await page.setViewportSize(viewport);
      }
    },

    /** Opens the app afresh at a route, as a person does from a chat link (a hash change alone would not reload). */
    async open(route: string): Promise<void> {
      await page.goto('about:blank');
      await page.goto(`${baseUrl}#${route}`);
    },

    /**
     * Taps a visible text (a row, a tab, a link). Not forced: Playwright waits until nothing covers it, as a
     * person waits for a toast (a Taro toast lasts about two seconds) to go before tapping what is beneath.
     */
    async tapText(value: string | RegExp): Promise<void> {
      await text(value).tap();
    },

    /** Taps a button by its label (Taro renders buttons as web components that cover their text). */
    async press(label: string | RegExp): Promise<void> {
      const pattern = typeof label === 'string' ? new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) : label;
      const button = page.locator('taro-button-core').filter({ hasText: pattern, visible: true }).last();
      await button.waitFor();
      // A disabled NutUI button ignores taps: wait until the form has what it needs.
      await page.waitForFunction((element) => !element?.hasAttribute('disabled'), await button.elementHandle());
      await button.tap();
    },

    /** The native input inside a web component, by its placeholder (nth when a form repeats one). */
    field(placeholder: string, nth = 0) {
      return page.locator(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`).filter({ visible: true }).nth(nth);
    },

    /** Answers a confirmation (Taro's showModal) with its confirm button. */
    async confirmDialog(label: string): Promise<void> {
      await page.locator('.taro-modal__foot').getByText(label, { exact: true }).filter({ visible: true }).last().tap();
      await page.locator('.taro-modal__mask').filter({ visible: true }).waitFor({ state: 'hidden' });
    },

    /** Confirms a NutUI dialog (the reason prompts) with its button. */
    async confirmNutDialog(label: string): Promise<void> {
      await ui.press(label);
    },

    /** Chooses the first option of a platform picker (rendered as a weui picker in H5). */
    async pickFirst(placeholder: string): Promise<void> {
      await text(placeholder).tap();
      const confirm = page.locator('.weui-picker__action', { hasText: '确定' }).filter({ visible: true }).last();
      await confirm.waitFor();
      await settleAnimations(); // the picker slides in; a tap mid-slide lands beside the button
      await confirm.tap();
      await page
        .locator('.weui-picker')
        .filter({ visible: true })
        .waitFor({ state: 'detached' })
        .catch(() => undefined);
    },

    /**
     * Sets a platform date picker, found by its label, to a day (YYYY-MM-DD): each column (year, month, day) is
     * dragged as a finger would, a few rows at a time (a weui picker in H5: 34 px a row), then confirmed.
     */
    async pickDay(label: string, day: string): Promise<void> {
      await page.getByLabel(label, { exact: true }).filter({ visible: true }).first().tap();
      const picker = page.locator('.weui-picker').filter({ visible: true }).last();
      await picker.waitFor();
      await settleAnimations();
      const [year, month, date] = day.split('-');
      const wanted = [`${year}年`, `${month}月`, `${date}日`];
      for (const [column, target] of wanted.entries()) {
        const group = picker.locator('taro-picker-group').nth(column);
        for (let drags = 0; drags < 30; drags += 1) {
          const { at, to } = await group.evaluate((element, item) => {
            const items = Array.from(element.querySelectorAll('.weui-picker__item')).map((row) => row.textContent);
            const content = element.querySelector<HTMLElement>('.weui-picker__content')!;
            return { at: Math.round((102 - new DOMMatrix(content.style.transform).m42) / 34), to: items.indexOf(item) };
          }, target);
          if (to < 0) throw new Error(`no ${target} in the picker`);
          if (at === to) break;
          const rows = Math.max(-5, Math.min(5, to - at));
          const box = (await group.boundingBox())!;
          const x = box.x + box.width / 2;
          // Up to later rows from near the bottom, down to earlier ones from near the top: the drag stays on the column.
          const y = rows > 0 ? box.y + box.height - 20 : box.y + 20;
          await page.mouse.move(x, y);
          await page.mouse.down();
          await page.mouse.move(x, y - rows * 34, { steps: 6 });
          await page.mouse.up();
          await settleAnimations();
        }
      }
      await picker.locator('.weui-picker__action', { hasText: '确定' }).tap();
      await page
        .locator('.weui-picker')
        .filter({ visible: true })
        .waitFor({ state: 'detached' })
        .catch(() => undefined);
    },

    /**
     * Switches account the way a person does in the H5 demo: 切换账号 on the home page (or the sign-in page
     * when nobody is signed in), then the account in the list; waits for the home page to greet them.
     */
    async signInAs(accountName: string): Promise<void> {
      await ui.open('/pages/index/index');
      const signIn = text('选择演示账号');
      const switchAccount = text('切换账号');
      await signIn.or(switchAccount).first().waitFor();
      if (await switchAccount.isVisible()) {
        await switchAccount.tap();
        await signIn.waitFor();
      }
      await text(accountName).tap();
      await text('切换账号').waitFor();
      await page.locator('.home-me__name', { hasText: accountName }).filter({ visible: true }).waitFor();
    },

    /** Waits until a text is visible on the current page. */
    async see(value: string | RegExp): Promise<void> {
      await text(value).waitFor();
    },

    /**
     * Waits for a status tag with exactly this label: a decision has been saved and the page reloaded. (A
     * button with the same words, e.g. 中期检查通过, would satisfy see() before the call has finished.)
     */
    async status(label: string): Promise<void> {
      await page
        .locator('.nut-tag')
        .filter({ hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`), visible: true })
        .first()
        .waitFor();
    },
  };
  return ui;
}

export type PhoneUi = ReturnType<typeof phoneUi>;
