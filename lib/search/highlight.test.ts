import { describe, expect, test } from 'vitest';
import {
  FRAGMENT_BREAK as BREAK,
  LESS_THAN,
  MARK_END as END,
  MARK_START as START,
  parseHighlighted,
  parseSnippet,
  plainText,
} from './highlight';

describe('highlighted text from the database', () => {
  test('is split into plain text and the matched words', () => {
    expect(parseHighlighted(`Ferry to ${START}Vardø${END} resumes`)).toEqual([
      { text: 'Ferry to ' },
      { text: 'Vardø', marked: true },
      { text: ' resumes' },
    ]);
  });

  test('keeps markup in the text as text: it is never read as HTML', () => {
    const segments = parseHighlighted(`<b>bold</b> ${START}<script>alert(1)</script>${END}`);
    expect(segments).toEqual([{ text: '<b>bold</b> ' }, { text: '<script>alert(1)</script>', marked: true }]);
  });

  test('gives back the < that was hidden from the database’s tag parser', () => {
    expect(parseHighlighted(`${LESS_THAN}script>x${LESS_THAN}/script> ${START}gala${END}`)).toEqual([
      { text: '<script>x</script> ' },
      { text: 'gala', marked: true },
    ]);
  });

  test('joins adjacent pieces of the same kind, and collapses white space and line breaks', () => {
    expect(parseHighlighted(`a\n\n b ${START}c${END}${START}d${END}  `)).toEqual([
      { text: 'a b ' },
      { text: 'cd', marked: true },
    ]);
  });

  test('drops a marker left without its pair, and marks nothing from it', () => {
    expect(parseHighlighted(`one ${START}two`)).toEqual([{ text: 'one two' }]);
    expect(parseHighlighted(`one${END} two`)).toEqual([{ text: 'one two' }]);
  });

  test('without matches is one plain segment', () => {
    expect(parseHighlighted('Nothing matched here')).toEqual([{ text: 'Nothing matched here' }]);
  });
});

describe('a snippet', () => {
  test('is its passages, in order, each highlighted', () => {
    const snippet = parseSnippet(`first ${START}harbour${END} passage${BREAK}second ${START}bridge${END}`);
    expect(snippet.map(plainText)).toEqual(['first harbour passage', 'second bridge']);
    expect(snippet[1]).toContainEqual({ text: 'bridge', marked: true });
  });

  test('of empty passages is empty', () => {
    expect(parseSnippet(` ${BREAK} `)).toEqual([]);
  });
});
