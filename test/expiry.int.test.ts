import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ARTICLES_PER_NOTICE } from '@/lib/cache-tags';
import { tagsToExpire } from '@/lib/importer/expiry';
import { importDocuments } from '@/lib/importer/import-documents';
import { restoreArticle, withdrawArticle } from '@/lib/withdrawal/actions';
import { createTestDatabase, type TestDatabase } from './support/database';
import { generatedArticles, listingDocument, uniqueWord, type DocumentArticle } from './support/documents';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('embedded');
});
afterAll(() => db.drop());

const importText = (text: string) =>
  importDocuments(db.pool, [{ file: 'doc.txt', bytes: new TextEncoder().encode(text) }]);
const slug = (article: DocumentArticle | undefined) =>
  (article?.headline ?? '').toLowerCase().replace(/[^a-z0-9]+/gu, '-');
const sectionSlug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/gu, '-');

describe("an import's notice", () => {
  test('for a corrected article names its page, every page that lists it, its section, the front page and the feeds', async () => {
    const section = `Desk ${uniqueWord()}`;
    const articles = generatedArticles(5, section);
    await importText(listingDocument(articles));
    const corrected = articles.map((article, i) => (i === 2 ? { ...article, paragraphs: ['Corrected.'] } : article));

    const tags = await tagsToExpire(db.pool, await importText(listingDocument(corrected)));

    // Exactly these: not its versions' pages (`versions:<slug>`), which a new version leaves as they were.
    expect(tags.sort()).toEqual(
      [
        'front',
        'latest',
        `section:${sectionSlug(section)}`,
        `article:${slug(articles[2])}`,
        `shows:${slug(articles[2])}`,
      ].sort(),
    );
  });

  test('for a new article also names the article it now stands next to, and the navigation when its section is new', async () => {
    const section = `Wire ${uniqueWord()}`;
    const [older, newest] = generatedArticles(2, section).reverse();
    const first = await tagsToExpire(db.pool, await importText(listingDocument([older!])));
    expect(first).toContain('sections');

    const tags = await tagsToExpire(db.pool, await importText(listingDocument([newest!])));

    expect(tags).toContain(`article:${slug(newest)}`);
    expect(tags).toContain(`article:${slug(older)}`);
    expect(tags).not.toContain('sections');
  });

  test('for a moved article names both sections and the articles beside it in its new one', async () => {
    const word = uniqueWord();
    const [from, to] = [`From ${word}`, `To ${word}`];
    await importText(listingDocument([...generatedArticles(2, to), { headline: `Mover ${word}`, section: from }]));

    const tags = await tagsToExpire(
      db.pool,
      await importText(listingDocument([{ headline: `Mover ${word}`, section: to }])),
    );

    expect(tags).toEqual(
      expect.arrayContaining([`section:${sectionSlug(from)}`, `section:${sectionSlug(to)}`, 'sections']),
    );
    expect(tags).toContain(`article:${slug(generatedArticles(2, to)[1])}`);
  });

  test(`for more than ${ARTICLES_PER_NOTICE} articles expires every article page with one tag`, async () => {
    const section = `Flood ${uniqueWord()}`;

    const tags = await tagsToExpire(
      db.pool,
      await importText(listingDocument(generatedArticles(ARTICLES_PER_NOTICE + 1, section))),
    );

    expect(tags.sort()).toEqual(['articles', 'front', 'latest', 'sections', `section:${sectionSlug(section)}`].sort());
  });

  test('for an article that gains, changes or drops a correction names the corrections listing; for one without, not', async () => {
    const section = `Notes ${uniqueWord()}`;
    const articles = generatedArticles(3, section);
    const withNote = (note: string) =>
      articles.map((article, i) => (i === 1 ? { ...article, paragraphs: [note, 'The report.'] } : article));
    await importText(listingDocument(articles));

    const added = await tagsToExpire(db.pool, await importText(listingDocument(withNote('Correction: A wrong name.'))));
    expect(added).toContain('corrections');
    expect(added).toContain(`article:${slug(articles[1])}`);
    const changed = await tagsToExpire(
      db.pool,
      await importText(listingDocument(withNote('Clarification: The name, made clearer.'))),
    );
    expect(changed).toContain('corrections');
    const dropped = await tagsToExpire(db.pool, await importText(listingDocument(articles)));
    expect(dropped).toContain('corrections');

    // An editor's note is not a correction; nor is a change to an article without one.
    const editors = await tagsToExpire(
      db.pool,
      await importText(listingDocument(withNote("Editor's note: The writer lives here."))),
    );
    expect(editors).toContain(`article:${slug(articles[1])}`);
    expect(editors).not.toContain('corrections');
    const plain = articles.map((article, i) => (i === 0 ? { ...article, paragraphs: ['Reworded.'] } : article));
    const other = await tagsToExpire(db.pool, await importText(listingDocument(plain)));
    expect(other).toContain(`article:${slug(articles[0])}`);
    expect(other).not.toContain('corrections');
  });

  test('for an import that changed nothing is empty', async () => {
    const text = listingDocument(generatedArticles(3, `Still ${uniqueWord()}`));
    await importText(text);

    expect(await tagsToExpire(db.pool, await importText(text))).toEqual([]);
  });
});

describe("the editor's command's notice", () => {
  test('for a withdrawal names its page, every page that listed it, its section, authors and tags, the front page, the feeds and the corrections; a restore its neighbours too', async () => {
    const section = `Desk ${uniqueWord()}`;
    const articles = generatedArticles(3, section).map((article, i) =>
      i === 1 ? { ...article, authors: [`Writer ${section}`], tags: [`Topic ${section}`] } : article,
    );
    await importText(listingDocument(articles));
    const target = slug(articles[1]);
    const named = [
      'front',
      'latest',
      'corrections',
      `section:${sectionSlug(section)}`,
      `article:${target}`,
      `shows:${target}`,
      // Its versions' pages, kept across imports, answer as it does now (docs/versions.md).
      `versions:${target}`,
      `author:${sectionSlug(`Writer ${section}`)}`,
      `tag:${sectionSlug(`Topic ${section}`)}`,
    ];

    const withdrawn = await withdrawArticle(db.pool, target, { reason: 'Wrong.', origin: 'http://localhost' });
    expect(withdrawn.tags.sort()).toEqual([...named].sort());
    expect(withdrawn.erase).toBe(false);

    const restored = await restoreArticle(db.pool, target, { origin: 'http://localhost' });
    expect(restored.tags.sort()).toEqual(
      [...named, `article:${slug(articles[0])}`, `article:${slug(articles[2])}`].sort(),
    );
  });

  test('for a legal removal asks the site to delete, and names the navigation when its section is left empty', async () => {
    const section = `Desk ${uniqueWord()}`;
    const [alone] = generatedArticles(1, section);
    await importText(listingDocument([alone!]));

    const removed = await withdrawArticle(db.pool, slug(alone), {
      reason: 'Court order.',
      legal: true,
      origin: 'http://localhost',
    });

    expect(removed.erase).toBe(true);
    expect(removed.tags).toEqual(
      expect.arrayContaining(['sections', `article:${slug(alone)}`, `shows:${slug(alone)}`]),
    );
  });
});
