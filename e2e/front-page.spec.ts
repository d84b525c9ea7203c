import { expect, test } from '@playwright/test';

test('the front page lists the three seed headlines in document order', async ({ page }) => {
  await page.goto('/');
  const headlines = page.locator('main article h2, main article h3');
  const texts = await headlines.allInnerTexts();
  const seed = [
    'Terrorists Leave Strategically Important Syrian City as Army Regains Control',
    '‘UN’s inactivity is unacceptable’: Lavrov speaks out on Syrian opposition talks',
    'Mass Graves in Aleppo',
  ];
  const positions = seed.map((headline) => texts.indexOf(headline));
  expect(positions.every((position) => position >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
});
