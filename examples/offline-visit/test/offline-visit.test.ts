import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pcCovidAnswers } from '@pccovid-inspect/testkit/fixtures';
import { ACTORS, VISIT_ID, startOfflineVisitServer, type OfflineVisitServer } from '../src/serve.js';

/**
 * The page in a real headless Chromium (Debian's `chromium`, driven by playwright-core): a packet
 * answered offline while the same visit changed on the server, then synced.
 */
const executablePath = [process.env.PCCI_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => path && existsSync(path));
if (!executablePath && process.env.CI === 'true') {
  throw new Error('CI=true nhưng không có Chromium / but no Chromium at /usr/bin/chromium: apt-get install -y --no-install-recommends chromium (or set PCCI_CHROMIUM)');
}

describe.skipIf(!executablePath)(
  `offline visit page in a real headless Chromium${executablePath ? '' : ' — skipped: no chromium installed (apt-get install chromium); required under CI=true'}`,
  () => {
    let app: OfflineVisitServer;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      app = await startOfflineVisitServer();
      browser = await chromium.launch({ executablePath, headless: true, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
      context = await browser.newContext();
      page = await context.newPage();
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await app?.close();
    });

    const answer = async (itemId: string, value: 'met' | 'not_met' | 'not_applicable', note?: string): Promise<void> => {
      await page.check(`fieldset[data-item="${itemId}"] input[value="${value}"]`);
      if (note !== undefined) await page.fill(`fieldset[data-item="${itemId}"] textarea`, note);
      await page.locator(`fieldset[data-item="${itemId}"] textarea`).dispatchEvent('change');
      await page.waitForSelector('body[data-pending="0"]', { state: 'attached' });
    };

    it('answers a packet offline, keeps it across an offline reload, and syncs: the conflicting item is reported, the rest applied, nothing lost', async () => {
      await page.goto(app.pageUrl);
      await page.waitForSelector('body[data-packet="network"]');
      await page.waitForSelector('body[data-offline-ready="true"]');
      await expect(page.locator('#unit h2').textContent()).resolves.toContain('Bệnh viện');
      await expect(page.locator('fieldset[data-item]').count()).resolves.toBe(8);
      await expect(page.locator('fieldset[data-item="a1"] input[value="met"]').isChecked()).resolves.toBe(true);

      await context.setOffline(true);
      expect(await page.evaluate(() => navigator.onLine)).toBe(false);
      // Not met without a note: core, on the device, says what is missing.
      await answer('b1', 'not_met');
      await page.waitForFunction(() => document.querySelector('#messages')?.textContent?.includes('Chưa đạt phải ghi rõ lý do') === true);
      await answer('b1', 'not_met', 'Mới tạo 01 mã QR cho cổng chính / only one QR code, at the main gate');
      await answer('a1', 'met', 'Ghi trên thiết bị / recorded on the device');
      await answer('b3', 'met');
      await answer('c2', 'not_met', 'Chưa dùng để truy vết F1 / not used for tracing');
      await page.waitForFunction(() => document.querySelector('#saved')?.getAttribute('data-count') === '4');
      await expect(page.locator('#messages').getAttribute('data-count')).resolves.toBe('0');

      // Reload with no network: the service worker gives the page, IndexedDB the packet and the answers.
      await page.reload();
      await page.waitForSelector('body[data-packet="device"]');
      expect(
        await page.evaluate(() =>
          fetch('/packet/v-hospital').then(
            () => 'reached',
            () => 'offline',
          ),
        ),
      ).toBe('offline');
      await expect(page.locator('fieldset[data-item="b1"] input[value="not_met"]').isChecked()).resolves.toBe(true);
      await expect(page.locator('fieldset[data-item="a1"] textarea').inputValue()).resolves.toBe('Ghi trên thiết bị / recorded on the device');
      await expect(page.locator('#saved').getAttribute('data-count')).resolves.toBe('4');

      // Meanwhile on the server, the lead changes a1.
      const all = pcCovidAnswers('compliant', '2021-12-08');
      const serverA1 = { ...all.a1!, note: 'Sửa trên máy chủ / changed on the server' };
      await app.service.recordAnswers(ACTORS.lead, { visitId: VISIT_ID, answers: { a1: serverA1 } });

      // A sync with no network keeps everything on the device.
      await page.click('#sync');
      // The sync runs asynchronously: wait for its answer (a loaded machine may take a while).
      await page.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('Không có mạng') === true);

      await context.setOffline(false);
      await page.click('#sync');
      await page.waitForSelector('#result li');
      const outcomes = await page.$$eval('#result li', (rows) => rows.map((li) => [li.getAttribute('data-item'), li.getAttribute('data-outcome')]));
      expect(outcomes.sort()).toEqual([
        ['a1', 'conflict'],
        ['b1', 'applied'],
        ['b3', 'applied'],
        ['c2', 'applied'],
      ]);
      await expect(page.locator('#result li[data-item="a1"]').textContent()).resolves.toContain('Sửa trên máy chủ');

      // On the server: the others applied, a1 not overwritten.
      const now = await app.service.exportVisitPacket(ACTORS.lead, { visitId: VISIT_ID });
      expect(now.answers.a1).toEqual(serverA1);
      expect(now.answers.b1).toMatchObject({ answer: 'not_met', note: 'Mới tạo 01 mã QR cho cổng chính / only one QR code, at the main gate' });
      expect(now.answers.b3).toMatchObject({ answer: 'met' });
      expect(now.answers.c2).toMatchObject({ answer: 'not_met', note: 'Chưa dùng để truy vết F1 / not used for tracing' });
      expect(now.answers.a2).toEqual(all.a2);

      // Nothing lost: the device still holds its a1, across a reload; keeping it sends it on the next sync.
      await page.reload();
      await page.waitForSelector('body[data-packet="device"]');
      await expect(page.locator('fieldset[data-item="a1"] textarea').inputValue()).resolves.toBe('Ghi trên thiết bị / recorded on the device');
      await expect(page.locator('#saved').getAttribute('data-count')).resolves.toBe('1');
      await page.waitForSelector('#result li[data-item="a1"][data-outcome="conflict"] .keep-mine');
      await page.click('#result li[data-item="a1"] .keep-mine');
      await page.waitForFunction(() => !document.querySelector('#result li[data-item="a1"]'));
      await page.click('#sync');
      await page.waitForSelector('#result li[data-item="a1"][data-outcome="applied"]');
      expect((await app.service.exportVisitPacket(ACTORS.lead, { visitId: VISIT_ID })).answers.a1?.note).toBe('Ghi trên thiết bị / recorded on the device');
      expect(await app.service.verifyAudit(ACTORS.director, {})).toMatchObject({ ok: true });
    });
  },
);
