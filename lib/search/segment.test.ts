import { describe, expect, test } from 'vitest';
import { hasSpacelessScript, segmentArticle, segmentQuery, segmentWords } from './segment';

describe('segmentWords', () => {
  test('splits Chinese, Japanese and Thai into words, with a space between each two', () => {
    expect(segmentWords('阿斯塔纳谈判结束')).toBe('阿 斯 塔 纳 谈判 结束');
    expect(segmentWords('東京で会議が開かれた').split(' ')).toEqual(expect.arrayContaining(['東京', '会議']));
    expect(segmentWords('การเจรจาสิ้นสุดลง').split(' ')).toContain('เจรจา');
  });

  test('leaves text in other scripts as it is, and Latin words beside ideographs apart', () => {
    expect(segmentWords('U.S. talks in Zürich — Министры')).toBe('U.S. talks in Zürich — Министры');
    expect(segmentWords('Astana阿斯塔纳')).toBe('Astana 阿 斯 塔 纳');
    expect(segmentWords('谈判，结束', '\u0001')).toBe('谈判，结束');
    expect(segmentWords('谈判结束', '\u0001')).toBe('谈判\u0001结束');
  });

  test('splits a long text piece by piece, in time that grows with its length, as it splits a short one', () => {
    const sentence = '各方代表在阿斯塔纳举行了新一轮谈判，会谈于周五结束。';
    const started = performance.now();
    expect(segmentWords(sentence.repeat(4_000))).toBe(segmentWords(sentence).repeat(4_000));
    expect(performance.now() - started).toBeLessThan(5_000);
    // With no white space or punctuation to cut at, a cut between two letters is a word break.
    const letters = '\u{20000}'.repeat(2_500);
    expect(segmentWords(letters).replaceAll(' ', '')).toBe(letters);
  });

  test('says which text holds such a script', () => {
    expect(hasSpacelessScript('Astana 阿斯塔纳')).toBe(true);
    expect(hasSpacelessScript('שלום, مرحبا, Привет')).toBe(false);
  });
});

describe('segmentArticle', () => {
  test('gives split text only where it differs', () => {
    expect(segmentArticle('Astana talks', [{ type: 'paragraph', text: 'They ended.' }], null)).toEqual({
      headline: null,
      body: null,
      place: null,
    });
    expect(segmentArticle('Astana 谈判结束', [{ type: 'paragraph', text: 'No.' }], '北京市')).toEqual({
      headline: 'Astana 谈判 结束',
      body: null,
      place: segmentWords('北京市'),
    });
  });
});

describe('segmentQuery', () => {
  test('a run typed without spaces is a phrase of its words; -run leaves out the whole run', () => {
    expect(segmentQuery('谈判结束')).toBe('"谈判 结束"');
    expect(segmentQuery('astana -谈判结束 谈判')).toBe('astana -"谈判 结束" 谈判');
  });

  test('inside quotes the words are only split; other queries are untouched', () => {
    expect(segmentQuery('"谈判结束 today" or 会議')).toBe('"谈判 结束 today" or 会議');
    expect(segmentQuery('harbour -bridge "old town"')).toBe('harbour -bridge "old town"');
  });
});
