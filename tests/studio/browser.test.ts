/**
 * The studio in a real browser: Debian's chromium, driven by playwright-core. Open the studio,
 * draft the seed report from a file (a saved web page), edit an achievement and see the slide
 * change, break the YAML and see the problem underlined, fix it, save, download the deck and
 * compare it with `briefdeck build` of the saved brief, click a slide's text to reach it in the
 * YAML, edit as a form; a second client without the token is refused.
 * Skipped, with a message, where chromium is not installed (.ci/run installs it).
 * BRIEFDECK_STUDIO_SHOTS=folder keeps the screenshots there.
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bufferIO } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { findProgram } from '../../src/output/export.js';
import { startStudio, type Studio } from '../../src/studio/server.js';
import { countPixels, pngPixels } from '../helpers/png.js';

const SAMPLE = '2025-01-shanghai-quarterly.yaml';
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
if (!CHROMIUM)
  console.warn(
    '\n⚠ chromium not found: the studio browser test is SKIPPED. Install it (apt-get install chromium) to run it.\n',
  );

/** The page's bundle, made again when a source of it is newer. */
function bundlePage(): void {
  const out = 'dist/studio-page/app.js';
  const built = existsSync(out) ? statSync(out).mtimeMs : 0;
  const dir = 'src/studio/page';
  if (readdirSync(dir).some((f) => statSync(join(dir, f)).mtimeMs > built))
    execFileSync(process.execPath, ['scripts/studio-page.mjs'], { stdio: 'inherit' });
}

describe.skipIf(!CHROMIUM)('the studio in chromium', () => {
  let folder: string;
  let shots: string;
  let studio: Studio;
  let browser: Browser;
  let page: Page;
  const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`) });
  const briefFile = () => join(folder, 'briefs', SAMPLE);

  beforeAll(async () => {
    bundlePage();
    folder = mkdtempSync(join(tmpdir(), 'briefdeck-studio-browser-'));
    shots = process.env.BRIEFDECK_STUDIO_SHOTS ?? join(folder, 'shots');
    mkdirSync(shots, { recursive: true });
    mkdirSync(join(folder, 'briefs'));
    copyFileSync(join('briefs', SAMPLE), briefFile());
    // A theme on an office template: the red header with its emblem.
    mkdirSync(join(folder, 'themes'));
    copyFileSync('tests/fixtures/templates/government-red.potx', join(folder, 'themes', 'office-red.potx'));
    writeFileSync(join(folder, 'themes', 'office-red.yaml'), 'extends: default\ntemplate: office-red.potx\n');
    // A theme with a logo and a background picture.
    for (const f of ['bureau.yaml', 'logo.png', 'background.jpg'])
      copyFileSync(join('tests/fixtures/themes/team', f), join(folder, 'themes', f));
    studio = await startStudio({ folder });
    browser = await chromium.launch({ executablePath: CHROMIUM!, args: ['--no-sandbox'], timeout: 60_000 });
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await studio?.close();
    if (!process.env.BRIEFDECK_STUDIO_SHOTS) rmSync(folder, { recursive: true, force: true });
  });

  it('lists the briefs, in Chinese', async () => {
    await page.goto(studio.url);
    await expect.poll(() => page.locator('tr.brief').count()).toBe(1);
    expect(await page.locator('tr.brief').innerText()).toContain('市委季度工作会议');
    expect(await page.locator('h1').innerText()).toBe('briefdeck 工作室');
    await shot('1-start');
  });

  it('drafts a brief from a report file (a saved web page), its spots to check highlighted', async () => {
    await page.setInputFiles('#report-file', 'tests/fixtures/draft/forms/shanghai-2025-01.html');
    await expect.poll(() => page.inputValue('#report')).toContain('浦东');
    await page.click('#draft');
    await page.waitForSelector('.cm-content');
    await expect.poll(() => page.locator('.cm-to-check').count()).toBeGreaterThan(0);
    await shot('2-draft');
    await page.click('#back');
  });

  it('confirms a suggestion: its suggested: true deleted, nothing else', async () => {
    await page.setInputFiles('#report-file', 'tests/fixtures/draft/forms/shanghai-2025-01.html');
    await expect.poll(() => page.inputValue('#report')).toContain('浦东');
    await page.fill('#report-date', '2025-01-06');
    await page.click('#draft');
    const badge = page.locator('#suggestions');
    await expect.poll(() => badge.getAttribute('data-count')).not.toBeNull();
    const count = Number(await badge.getAttribute('data-count'));
    expect(count).toBeGreaterThan(1);
    expect(await badge.innerText()).toBe(`${count} 条建议待确认`);
    await page.click('#save');
    await expect.poll(() => page.locator('#notice').innerText()).toBe('已保存');
    const file = join(folder, 'briefs', '2025-01-06-draft.yaml');
    const before = readFileSync(file, 'utf8');
    // The header's count goes to the first suggestion; its 确认 deletes the mark on that line.
    await badge.click();
    const button = page.locator('.cm-confirm').first();
    const line = Number(await button.getAttribute('data-line'));
    expect(before.split('\n')[line - 1]).toMatch(/^\s*suggested: true$/);
    await shot('7-suggestion');
    await button.click();
    await expect.poll(() => badge.getAttribute('data-count')).toBe(String(count - 1));
    // And one in the form, by its button.
    await page.click('#tab-form');
    const suggested = page.locator('#form li.suggested');
    await expect.poll(() => suggested.count()).toBe(count - 1);
    await badge.click();
    await shot('8-form-suggestion');
    await suggested.first().locator('button.confirm').click();
    await expect.poll(() => badge.getAttribute('data-count')).toBe(String(count - 2));
    await expect.poll(() => suggested.count()).toBe(count - 2);
    await page.click('#tab-yaml');
    await page.click('#save');
    await expect.poll(() => readFileSync(file, 'utf8')).not.toBe(before);
    const lines = before.split('\n');
    const second = lines.findIndex((l, i) => i !== line - 1 && /^\s*suggested: true$/.test(l));
    expect(readFileSync(file, 'utf8')).toBe(lines.filter((_, i) => i !== line - 1 && i !== second).join('\n'));
    await page.click('#back');
  });

  it('previews every slide, and an edit changes the slide', async () => {
    await page.click(`tr.brief[data-name="${SAMPLE}"]`);
    await expect.poll(() => page.locator('#slides figure').count()).toBe(12);
    const slide3 = page.locator('.slide[data-slide="3"]');
    expect(await slide3.innerText()).not.toContain('再建一批');
    // The slide's text puts the cursor on its line in the YAML (the editor shows only what fits).
    await slide3.locator('text.line', { hasText: '新建街区党组织' }).click();
    await expect.poll(() => page.locator('.cm-activeLine').innerText()).toContain('新建街区党组织202个');
    await page.keyboard.press('End');
    await page.keyboard.type('，再建一批');
    await expect.poll(() => slide3.innerText()).toContain('再建一批');
    await shot('3-edit');
  });

  it('underlines a problem at its line and column, and clears it when fixed', async () => {
    await page.keyboard.type(': x');
    await expect.poll(() => page.locator('.cm-lintRange-error').count()).toBeGreaterThan(0);
    const problem = await page.locator('#problems li').first().innerText();
    const line = Number(/^(\d+):/.exec(problem)?.[1]);
    const text = readFileSync(briefFile(), 'utf8').split('\n');
    expect(text[line - 1]).toContain('新建街区党组织202个');
    expect(await page.locator('.cm-line', { has: page.locator('.cm-lintRange-error') }).innerText()).toContain(
      '新建街区党组织202个',
    );
    await shot('4-problem');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
    await expect.poll(() => page.locator('.cm-lintRange-error').count()).toBe(0);
    await expect.poll(() => page.locator('#slides figure').count()).toBe(12);
  });

  it('saves, and downloads the deck briefdeck build makes of the saved brief', async () => {
    await page.click('#save');
    await expect.poll(() => page.locator('#notice').innerText()).toBe('已保存');
    expect(readFileSync(briefFile(), 'utf8')).toContain('新建街区党组织202个，再建一批');
    // 下载 PDF only where LibreOffice is installed.
    expect(await page.locator('#download-pdf').count()).toBe(findProgram('soffice') ? 1 : 0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    expect(download.suggestedFilename()).toBe(SAMPLE.replace('.yaml', '.pptx'));
    const got = readFileSync((await download.path())!);
    const out = join(folder, 'out');
    expect(await run(['build', briefFile(), '--out', out], bufferIO())).toBe(0);
    expect(got.equals(readFileSync(join(out, SAMPLE.replace('.yaml', '.pptx'))))).toBe(true);
  });

  it('jumps from a text on a slide to its place in the YAML', async () => {
    await page.locator('.slide[data-slide="3"] text.line', { hasText: '推动全区' }).click();
    await expect.poll(() => page.locator('.cm-activeLine').innerText()).toContain('推动全区2304个小区组建业委会');
    await page.locator('.slide[data-slide="4"] text.line').first().click();
    await expect.poll(() => page.locator('.cm-activeLine').innerText()).toContain('name: 金山区委');
  });

  it('edits as a form: a value, an item moved, a unit added, the YAML comments kept', async () => {
    await page.click('#tab-form');
    const first = page.locator('#form textarea[data-path=\'["units",0,"achievements",1]\']');
    expect(await first.inputValue()).toBe('推动全区2304个小区组建业委会');
    const slide3Lines = page.locator('.slide[data-slide="3"] svg text.line');
    expect(await slide3Lines.allTextContents()).toContain('推动全区2304个小区组建业委会');
    await first.fill('推动全区2305个小区组建业委会');
    // The slide's SVG is drawn again with the new text, the old one gone.
    await expect.poll(() => slide3Lines.allTextContents()).toContain('推动全区2305个小区组建业委会');
    expect((await slide3Lines.allTextContents()).join('')).not.toContain('2304个');
    // Moved down with its button: the YAML's order follows.
    await page
      .locator('#form section.card')
      .nth(1)
      .locator('.list')
      .first()
      .getByRole('button', { name: '下移 1' })
      .click();
    await expect
      .poll(() => page.locator('#form textarea[data-path=\'["units",0,"achievements",0]\']').inputValue())
      .toBe('推动全区2305个小区组建业委会');
    // Dragged by its grip onto the first item: the third achievement takes its place.
    const list0 = page.locator('#form section.card').nth(1).locator('.list').first();
    const achievement = (i: number) => page.locator(`#form textarea[data-path='["units",0,"achievements",${i}]']`);
    const third = await achievement(2).inputValue();
    await list0.locator('li').nth(2).locator('.grip').dragTo(list0.locator('li').nth(0));
    await expect.poll(() => achievement(0).inputValue()).toBe(third);
    expect(await achievement(1).inputValue()).toBe('推动全区2305个小区组建业委会');
    // The keyboard still moves items: the second one's ↑, pressed with Enter.
    await page
      .locator('#form section.card')
      .nth(1)
      .locator('.list')
      .first()
      .getByRole('button', { name: '上移 2' })
      .focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => achievement(0).inputValue()).toBe('推动全区2305个小区组建业委会');
    expect(await achievement(1).inputValue()).toBe(third);
    // A unit's card dragged onto the one before it, and back: the slides follow.
    const unitTitles = () => page.locator('#form section.card h3').allInnerTexts();
    const [, first1, second1] = await unitTitles();
    // A card is taller than the form's view: the page is made tall enough to see both heads, so
    // the mouse drag needs no scrolling midway.
    const dragCard = async (from: number, onto: number) => {
      await page.setViewportSize({ width: 1440, height: 2400 });
      const cards = page.locator('#form section.card');
      await cards.nth(from).locator('.card-head .grip').dragTo(cards.nth(onto).locator('.card-head'));
      await page.setViewportSize({ width: 1440, height: 900 });
    };
    await dragCard(2, 1);
    await expect.poll(async () => (await unitTitles())[1]).toBe(second1!.replace(/^2\./, '1.'));
    await expect
      .poll(() => page.locator('.slide[data-slide="3"]').innerText())
      .toContain(second1!.replace(/^2\. /, ''));
    await shot('11-drag');
    await dragCard(2, 1);
    await expect.poll(async () => (await unitTitles())[1]).toBe(first1);
    await page.getByRole('button', { name: '+ 添加单位' }).click();
    await expect.poll(() => page.locator('#slides figure').count()).toBe(13);
    await shot('6-form');
    await page.click('#tab-yaml');
    await page.click('#save');
    await expect.poll(() => page.locator('#notice').innerText()).toBe('已保存');
    const saved = readFileSync(briefFile(), 'utf8');
    expect(saved).toContain('# 按发言顺序。报道未给出各单位的逐一点评内容，');
    expect(saved).toContain('# 两项指标共用“居全市第一”，合为一条');
    expect(saved).toContain('date: "2025-01" # 报道只说');
    expect(saved.indexOf('推动全区2305个')).toBeLessThan(saved.indexOf('新建街区党组织202个，再建一批'));
    expect(saved).toContain('name: 新单位');
  });

  it('switches the page to English, and the deck to another theme', async () => {
    await page.click('#ui-lang');
    await expect.poll(() => page.locator('#save').innerText()).toBe('Save');
    await page.selectOption('#theme', 'government-red');
    await expect.poll(() => page.locator('.cm-content').innerText()).toContain('theme: government-red');
    await shot('5-english-red');
  });

  it("draws an office template's own artwork under every slide, with no note that it does not", async () => {
    const previewed = () => page.waitForResponse((r) => r.url().endsWith('/api/preview'));
    const first = previewed();
    await page.selectOption('#theme', 'office-red');
    await expect.poll(() => page.locator('.cm-content').innerText()).toContain('theme: office-red');
    // The artwork came once, apart from the slides; the page put it into each.
    const sent = (await (await first).json()) as { art: Record<string, string>; slides: Array<{ svg: string }> };
    expect(Object.keys(sent.art).length).toBeGreaterThan(0);
    expect(sent.slides.every((s) => !s.svg.includes('template-art'))).toBe(true);
    const figures = page.locator('#slides figure');
    await expect.poll(() => page.locator('.slide svg g.template-art').count()).toBe(await figures.count());
    // The emblem, a picture of the template's master, on every slide, drawn at its size.
    const emblems = page.locator('.slide use.template-picture');
    expect(await emblems.count()).toBe(await figures.count());
    const slide = page.locator('.slide[data-slide="3"]');
    const box = (await slide.boundingBox())!;
    const emblem = (await slide.locator('use.template-picture').boundingBox())!;
    expect(emblem.width / box.width).toBeCloseTo(72 / 960, 2);
    // The red header across the top of the slide, as the screen shows it.
    const pixels = pngPixels(await slide.screenshot());
    const red = countPixels(pixels, [0xc8, 0x10, 0x2e]);
    expect(red / (pixels.width * pixels.height)).toBeGreaterThan(0.1);
    expect(await page.locator('#template-hint').count()).toBe(0);
    expect(await page.locator('section.preview').innerText()).not.toMatch(/template|模板/i);
    await shot('6-office-template');
    // After an edit, the answer carries no artwork (the page said it has it), and the slide
    // drawn again shows it as before.
    const next = previewed();
    await slide.locator('text.line', { hasText: '新建街区党组织' }).first().click();
    await page.keyboard.press('End');
    await page.keyboard.type('Z');
    const answer = (await (await next).json()) as { art: Record<string, string>; slides: unknown[] };
    expect(answer.art).toEqual({});
    expect(answer.slides.length).toBe(await figures.count());
    await expect.poll(() => slide.textContent()).toContain('Z');
    expect(await page.locator('.slide svg g.template-art').count()).toBe(await figures.count());
    expect(await slide.locator('use.template-picture').count()).toBe(1);
    const after = pngPixels(await slide.screenshot());
    expect(countPixels(after, [0xc8, 0x10, 0x2e]) / (after.width * after.height)).toBeGreaterThan(0.1);
    await page.keyboard.press('Backspace');
    await expect.poll(() => slide.textContent()).not.toContain('Z');
    await page.selectOption('#theme', 'government-red');
    await expect.poll(() => page.locator('.slide svg g.template-art').count()).toBe(0);
  });

  it("fetches a theme's logo and background once each, however many slides show them", async () => {
    const fetched: Array<{ url: string; status: number; type: string | undefined }> = [];
    const seen = (r: import('playwright-core').Response) => {
      if (r.url().includes('/api/picture/'))
        fetched.push({ url: r.url(), status: r.status(), type: r.headers()['content-type'] });
    };
    page.on('response', seen);
    await page.selectOption('#theme', 'bureau');
    await expect.poll(() => page.locator('.cm-content').innerText()).toContain('theme: bureau');
    const figures = await page.locator('#slides figure').count();
    // Every slide shows the logo, drawn from the studio's address for it, never a data: URI.
    await expect.poll(() => page.locator('.slide image.image').count()).toBeGreaterThanOrEqual(figures);
    const hrefs = await page.locator('.slide image.image').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
    expect(hrefs.every((h) => /^\/api\/picture\/[0-9a-f]{32}\?token=/.test(h ?? ''))).toBe(true);
    expect(new Set(hrefs).size).toBe(2);
    // An edit draws a slide again: its pictures come from the browser's cache.
    await page.locator('.slide[data-slide="3"] text.line', { hasText: '新建街区党组织' }).first().click();
    await page.keyboard.press('End');
    await page.keyboard.type('Z');
    await expect.poll(() => page.locator('.slide[data-slide="3"]').textContent()).toContain('Z');
    await page.keyboard.press('Backspace');
    await expect.poll(() => page.locator('.slide[data-slide="3"]').textContent()).not.toContain('Z');
    page.off('response', seen);
    expect(fetched.map((f) => f.status)).toEqual([200, 200]);
    expect(fetched.map((f) => f.type).sort()).toEqual(['image/jpeg', 'image/png']);
    await shot('7-theme-pictures');
    await page.selectOption('#theme', 'government-red');
    await expect.poll(() => page.locator('.cm-content').innerText()).toContain('theme: government-red');
  });

  it("completes a key from the brief's schema, and describes a key on hover", async () => {
    await page.locator('.slide[data-slide="4"] text.line').first().click();
    await expect.poll(() => page.locator('.cm-activeLine').innerText()).toContain('name: 金山区委');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    await page.keyboard.type('    sp');
    const options = page.locator('.cm-tooltip-autocomplete li');
    await expect.poll(() => options.allInnerTexts()).toContainEqual(expect.stringContaining('speaker'));
    // A unit's keys only, less those the unit already has.
    const offered = (await options.allInnerTexts()).join('\n');
    expect(offered).not.toContain('achievements');
    expect(offered).not.toContain('title');
    await shot('9-completion');
    await page.keyboard.press('Enter');
    await page.keyboard.type('王五');
    await expect.poll(() => page.locator('.cm-activeLine').innerText()).toBe('    speaker: 王五');
    await expect.poll(() => page.locator('#problems li').count()).toBe(0);
    await page
      .locator('.cm-line span', { hasText: /^achievements$/ })
      .first()
      .hover();
    await expect.poll(() => page.locator('.cm-schema-hover').innerText()).toContain('units[].achievements');
    await shot('10-hover');
  });

  it('refuses a second client without the token', async () => {
    const other = await browser.newContext();
    const stranger = await other.newPage();
    const response = await stranger.goto(studio.url.replace(/\?token=.*/, ''));
    expect(response?.status()).toBe(401);
    expect(await stranger.content()).not.toContain('市委');
    const api = await stranger.goto(studio.url.replace(/\?token=.*/, 'api/briefs'));
    expect(api?.status()).toBe(401);
    await other.close();
  });
});
