import { expect, test, type Page } from '@playwright/test';
import { importArticles, plainSlug, uniqueWord } from './support/import';
import { axeViolations, keepScreenshot, rememberChoices } from './support/reader';
import { PHONE } from './support/viewports';

// "Listen" (issue 23, item 5): the browser's own speech synthesis reads the article. Headless
// Chromium has no voices, so most tests stand in for `speechSynthesis` with a recorder that says
// nothing: it keeps what it was asked to say, and ends an utterance (or reaches a word) when the
// test says so.

const word = uniqueWord();
const section = `Listening ${word}`;
const headline = `${word} harbour ferries return after the storm`;
const path = `/${plainSlug(section)}/${plainSlug(headline)}`;
const PARAGRAPHS = [
  `Valletta, Dec 4 (Harbour Wire) The ${word} ferries sailed again on Friday after three days in port.`,
  'Operators said the timetable would be back to normal by the weekend.',
  'Passengers who missed crossings can use their tickets until the end of the month.',
];
const [FIRST, SECOND, THIRD] = PARAGRAPHS as [string, string, string];

test.beforeAll(() => {
  importArticles([{ headline, section, paragraphs: PARAGRAPHS }]);
});

/** Before the page's scripts: a speech synthesis with the given voices that records what it is asked to say. */
async function standInSpeech(page: Page, voices: { name: string; lang: string }[]): Promise<void> {
  await page.addInitScript((voiceList) => {
    type Utterance = {
      text: string;
      lang: string;
      voice: unknown;
      onend: ((event: unknown) => void) | null;
      onboundary: ((event: { charIndex: number }) => void) | null;
    };
    const said: string[] = [];
    let current: Utterance | null = null;
    class StandInUtterance {
      lang = '';
      voice: unknown = null;
      onend: Utterance['onend'] = null;
      onboundary: Utterance['onboundary'] = null;
      constructor(public text: string) {}
    }
    const synthesis = {
      getVoices: () =>
        voiceList.map((voice) => ({ ...voice, default: false, localService: true, voiceURI: voice.name })),
      speak(utterance: Utterance) {
        current = utterance;
        said.push(utterance.text);
      },
      cancel() {
        const cancelled = current;
        current = null;
        cancelled?.onend?.({});
      },
      pause() {},
      resume() {},
      addEventListener() {},
      removeEventListener() {},
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synthesis, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: StandInUtterance, configurable: true });
    Object.assign(window, {
      saidAloud: () => said,
      finishUtterance: () => {
        const finished = current;
        current = null;
        finished?.onend?.({});
      },
      reachCharacter: (charIndex: number) => current?.onboundary?.({ charIndex }),
    });
  }, voices);
}

const said = (page: Page) => page.evaluate(() => (window as unknown as { saidAloud(): string[] }).saidAloud());
const finishUtterance = (page: Page) =>
  page.evaluate(() => (window as unknown as { finishUtterance(): void }).finishUtterance());
const reachCharacter = (page: Page, index: number) =>
  page.evaluate((at) => (window as unknown as { reachCharacter(at: number): void }).reachCharacter(at), index);
/** The paragraph marked as being read, by its text (null: none). */
const markedParagraph = (page: Page) =>
  page.evaluate(() => document.querySelector('[data-article-body] [data-speaking]')?.textContent ?? null);

const listenButton = (page: Page) => page.getByRole('button', { name: 'Listen to this article' });

test('where the browser cannot speak (headless Chromium has no voices), there is no Listen button', async ({
  page,
}) => {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline);
  // The other islands have hydrated by the time Save for offline is enabled.
  await expect(page.getByRole('button', { name: 'Save for offline' })).toBeEnabled();
  await expect(listenButton(page)).toHaveCount(0);
});

test("where the browser has no voice in the article's language, there is no Listen button", async ({ page }) => {
  await standInSpeech(page, [{ name: 'Amélie', lang: 'fr-FR' }]);
  await page.goto(path);
  await expect(page.getByRole('button', { name: 'Save for offline' })).toBeEnabled();
  await expect(listenButton(page)).toHaveCount(0);
});

test('without JavaScript the article reads in full and offers no Listen button', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(path);
  await expect(page.getByRole('main')).toContainText(THIRD);
  await expect(page.getByRole('button', { name: /Listen/u })).toHaveCount(0);
  await context.close();
});

test.describe('with an English voice', () => {
  test.beforeEach(async ({ page }) => {
    await standInSpeech(page, [
      { name: 'Amélie', lang: 'fr-FR' },
      { name: 'Daniel', lang: 'en-GB' },
    ]);
  });

  test('reads paragraph by paragraph, marking the one read; pauses and resumes at the word it stopped; keyboard only', async ({
    page,
  }) => {
    const requests: string[] = [];
    await page.goto(path);
    await expect(listenButton(page)).toBeVisible();
    page.on('request', (request) => requests.push(request.url()));

    await listenButton(page).focus();
    await page.keyboard.press('Enter');
    expect(await said(page)).toEqual([FIRST]);
    expect(await markedParagraph(page)).toBe(FIRST);
    await expect(page.getByRole('status').filter({ hasText: 'Reading the article aloud' })).toHaveCount(1);

    await finishUtterance(page);
    expect(await said(page)).toEqual([FIRST, SECOND]);
    expect(await markedParagraph(page)).toBe(SECOND);

    // Paused at "timetable", the 24th character of the second paragraph: it resumes there.
    const at = SECOND.indexOf('timetable');
    await reachCharacter(page, at);
    const pause = page.getByRole('button', { name: 'Pause' });
    await expect(pause).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Resume' })).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: 'Paused' })).toHaveCount(1);
    expect(await markedParagraph(page)).toBe(SECOND);
    await page.keyboard.press('Enter');
    expect((await said(page)).at(-1)).toBe(SECOND.slice(at));

    await finishUtterance(page);
    expect((await said(page)).at(-1)).toBe(THIRD);
    await finishUtterance(page);
    // Read to the end: back to the start, nothing marked.
    await expect(listenButton(page)).toBeVisible();
    expect(await markedParagraph(page)).toBeNull();
    // Speaking asked the server for nothing.
    expect(requests).toEqual([]);
  });

  test('Stop ends reading and forgets the place: Listen starts again from the top', async ({ page }) => {
    await page.goto(path);
    await listenButton(page).click();
    await finishUtterance(page);
    await page.getByRole('button', { name: 'Stop' }).click();
    expect(await markedParagraph(page)).toBeNull();
    await listenButton(page).click();
    expect((await said(page)).at(-1)).toBe(FIRST);
  });

  test.describe('on a phone', () => {
    test.use({ viewport: PHONE, isMobile: true, hasTouch: true });

    for (const theme of ['light', 'dark'] as const) {
      test(`the paragraph being read is marked legibly, axe clean, in the ${theme} theme (screenshot attached)`, async ({
        page,
      }, testInfo) => {
        await rememberChoices(page, { theme });
        await page.goto(path);
        await listenButton(page).click();
        await finishUtterance(page);
        expect(await markedParagraph(page)).toBe(SECOND);
        await keepScreenshot(page, testInfo, `listening-${theme}`);
        expect(await axeViolations(page)).toEqual([]);
      });
    }
  });
});
