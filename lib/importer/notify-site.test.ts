import { describe, expect, test } from 'vitest';
import { noticeBody } from './notify-site';

describe('noticeBody', () => {
  test('names the tags to expire; a schedule with none says why it is sent', () => {
    expect(JSON.parse(noticeBody(['front', 'article:x']))).toEqual({ tags: ['front', 'article:x'] });
    expect(JSON.parse(noticeBody([], true))).toEqual({ tags: [], reason: 'schedule' });
  });

  test('a legal removal asks the site to delete what carries the tags, not only expire it', () => {
    expect(JSON.parse(noticeBody(['article:x', 'shows:x'], false, true))).toEqual({
      tags: ['article:x', 'shows:x'],
      erase: true,
    });
  });
});
