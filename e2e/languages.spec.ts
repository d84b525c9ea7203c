import { expect, test, type Locator, type Page } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { parse as parseHtml } from 'node-html-parser';
import { slugify } from '../lib/slug';
import { importArticles, plainSlug, uniqueWord, type ListingArticle } from './support/import';
import { jsonLdBlocks } from './support/machine-readable';
import { axeViolations, keepScreenshot, rememberChoices } from './support/reader';
import { PHONE, SCREENS } from './support/viewports';

// Each article's language everywhere it is shown (docs/languages.md, "Where the language is
// shown"), from one document mixing five languages. Every headline carries the run's own word,
// so search and the section hold this file's articles only.
const word = uniqueWord();
const section = `Languages ${word}`;
const sectionSlug = plainSlug(section);

const ARTICLES = {
  ru: {
    headline: `Министр обороны заявил об окончании учений ${word}`,
    paragraphs: [
      'Москва, Dec 27 (ТАСС) Министр обороны России заявил в пятницу, что учения на юге страны завершились.',
      'По его словам, в учениях участвовали более десяти тысяч военнослужащих.',
    ],
  },
  es: {
    headline: `Las conversaciones de Astana continuarán en enero ${word}`,
    paragraphs: ['Las conversaciones de paz en Astana continuarán en enero, según el ministro de Exteriores.'],
  },
  el: {
    headline: `Ολοκληρώθηκαν οι συνομιλίες στην Αστάνα ${word}`,
    paragraphs: ['Οι συνομιλίες στην Αστάνα ολοκληρώθηκαν χωρίς κοινή δήλωση, είπε ο υπουργός Εξωτερικών.'],
  },
  ar: {
    headline: `مقتل ثلاثة في غارة على دمشق ${word}`,
    paragraphs: [
      'دمشق, Dec 27 (سانا) قال مسؤولون في دمشق إن ثلاثة أشخاص قتلوا في غارة جوية على حي سكني صباح اليوم.',
      'وقال أحد السكان: «سمعنا انفجارا كبيرا ثم رأينا الدخان يتصاعد من المباني».',
      'وأضاف أن فرق الإنقاذ وصلت بعد نصف ساعة، وأن البحث عن ناجين ما زال مستمرا حتى المساء.',
    ],
  },
  en: {
    headline: `Talks in Astana end without a statement ${word}`,
    paragraphs: ['Talks in Astana ended without a joint statement, the foreign minister said on Friday.'],
  },
} satisfies Record<string, Omit<ListingArticle, 'section'>>;
type Language = keyof typeof ARTICLES;
const LANGUAGES = Object.keys(ARTICLES) as Language[];
const DIRECTION: Record<Language, 'ltr' | 'rtl'> = { ru: 'ltr', es: 'ltr', el: 'ltr', ar: 'rtl', en: 'ltr' };
const path = (language: Language) => `/${sectionSlug}/${slugify(ARTICLES[language].headline)}`;

test.beforeAll(() => {
  importArticles(LANGUAGES.map((language) => ({ ...ARTICLES[language], section })));
});

/** The `lang` and `dir` of an element. */
const marked = async (element: Locator) => [await element.getAttribute('lang'), await element.getAttribute('dir')];
/** A listing's card of an article: the <article> holding the link of its headline. */
const card = (page: Page, language: Language) =>
  page.locator('article', { has: page.getByRole('link', { name: ARTICLES[language].headline, exact: true }) });

test('each article page: its language and direction on the article element, the page’s own language the site’s', async ({
  page,
}) => {
  for (const language of LANGUAGES) {
    await page.goto(path(language));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ARTICLES[language].headline);
    expect(await marked(page.locator('main article')), language).toEqual([language, DIRECTION[language]]);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  }
});

test('the cards of the front page, the section and search results carry their article’s language', async ({ page }) => {
  for (const listing of ['/', `/${sectionSlug}`, `/search?q=${word}`]) {
    await page.goto(listing);
    for (const language of LANGUAGES) {
      expect(await marked(card(page, language).first()), `${language} on ${listing}`).toEqual([
        language,
        DIRECTION[language],
      ]);
    }
  }
});

test('the lite article and the lite section, and the Markdown copy (its Language line and Content-Language)', async ({
  request,
}) => {
  for (const language of LANGUAGES) {
    const lite = parseHtml(await (await request.get(`/lite${path(language)}`)).text());
    const element = lite.querySelector('article');
    expect([element?.getAttribute('lang'), element?.getAttribute('dir')], language).toEqual([
      language,
      DIRECTION[language],
    ]);
    const markdown = await request.get(`${path(language)}.md`);
    expect(markdown.headers()['content-language']).toBe(language);
    expect(await markdown.text()).toMatch(new RegExp(`^Language: ${language} {2}$`, 'mu'));
  }
  const listing = parseHtml(await (await request.get(`/lite/${sectionSlug}`)).text());
  const cards = listing.querySelectorAll('ol.list > li');
  expect(cards.map((item) => [item.getAttribute('lang'), item.getAttribute('dir')])).toEqual(
    // Newest first: the document's order.
    LANGUAGES.map((language) => [language, DIRECTION[language]]),
  );
});

test('the section’s three feeds: Atom xml:lang, JSON Feed language and RSS dc:language on each entry', async ({
  request,
}) => {
  const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'item' });
  const atom = xml.parse(await (await request.get(`/${sectionSlug}/atom.xml`)).text()) as {
    feed: { entry: Array<{ '@_xml:lang'?: string }> };
  };
  expect(atom.feed.entry.map((entry) => entry['@_xml:lang'])).toEqual(LANGUAGES);
  const json = (await (await request.get(`/${sectionSlug}/feed.json`)).json()) as {
    items: Array<{ language?: string }>;
  };
  expect(json.items.map((item) => item.language)).toEqual(LANGUAGES);
  const rss = xml.parse(await (await request.get(`/${sectionSlug}/feed.xml`)).text()) as {
    rss: { '@_xmlns:dc': string; channel: { item: Array<{ 'dc:language'?: string }> } };
  };
  expect(rss.rss['@_xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/');
  expect(rss.rss.channel.item.map((item) => item['dc:language'])).toEqual(LANGUAGES);
});

test('JSON-LD inLanguage and og:locale of each article page', async ({ request }) => {
  for (const language of LANGUAGES) {
    const html = await (await request.get(path(language))).text();
    const article = jsonLdBlocks(html).find((block) => (block as { '@type'?: string })['@type'] === 'NewsArticle') as {
      inLanguage?: string;
    };
    expect(article.inLanguage, language).toBe(language);
    expect(parseHtml(html).querySelector('meta[property="og:locale"]')?.getAttribute('content')).toBe(language);
  }
});

/** The first line of an element's text: where its words are, not the box of the block that holds them. */
const firstLine = (element: Locator) =>
  element.evaluate((node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    const line = range.getClientRects()[0]!;
    return { left: line.left, right: line.right };
  });
const box = async (element: Locator) => {
  const { x, width } = (await element.boundingBox())!;
  return { left: x, right: x + width };
};

for (const [screen, viewport] of SCREENS) {
  test.describe(`the Arabic article on a ${screen} screen`, () => {
    test.use({ viewport });

    for (const theme of ['light', 'dark'] as const) {
      test(`reads right to left in the ${theme} theme: headline, dateline, paragraphs and quotes start at the right`, async ({
        page,
      }, testInfo) => {
        await rememberChoices(page, { theme });
        await page.goto(path('ar'));
        const article = page.locator('main article');
        const column = await box(article);
        const headline = await firstLine(page.getByRole('heading', { level: 1 }));
        // The headline's words start at the column's right edge and leave its left edge free.
        expect(Math.abs(headline.right - column.right)).toBeLessThanOrEqual(2);
        const paragraphs = article.locator('[data-article-body] p');
        await expect(paragraphs).toHaveCount(3);
        for (const paragraph of await paragraphs.all()) {
          expect(Math.abs((await firstLine(paragraph)).right - column.right)).toBeLessThanOrEqual(2);
          expect(await paragraph.evaluate((node) => getComputedStyle(node).direction)).toBe('rtl');
        }
        // The dateline opens the first paragraph, so it is the rightmost thing on its line.
        const dateline = await firstLine(article.locator('.dateline'));
        expect(Math.abs(dateline.right - column.right)).toBeLessThanOrEqual(2);
        // The site's own words in it ("1 min read") are the site's, read and ordered as English.
        expect(await marked(article.locator('p', { hasText: 'min read' }))).toEqual(['en', 'ltr']);
        // The quotation («…») sits inside its paragraph, ordered as Arabic reads.
        await expect(paragraphs.nth(1)).toContainText('«سمعنا انفجارا كبيرا');
        await keepScreenshot(page, testInfo, `arabic-article-${screen}-${theme}`);
        if (viewport === PHONE) expect(await axeViolations(page), theme).toEqual([]);
      });
    }
  });
}

test('an English article lays out left to right beside them', async ({ page }) => {
  await page.goto(path('en'));
  const column = await box(page.locator('main article'));
  const headline = await firstLine(page.getByRole('heading', { level: 1 }));
  expect(Math.abs(headline.left - column.left)).toBeLessThanOrEqual(2);
});
