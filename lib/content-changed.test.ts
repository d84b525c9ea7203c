import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  contentChangeSubscribers,
  onContentChanged,
  publishContentChanged,
  type ContentChange,
} from './content-changed';

const change: ContentChange = { tags: ['front', 'article:a-story'], lsn: '0/16B3748' };
let unsubscribe: (() => void)[] = [];
const subscribe = (name: string, listener: (change: ContentChange) => void) =>
  unsubscribe.push(onContentChanged(name, listener));

afterEach(() => {
  for (const stop of unsubscribe) stop();
  unsubscribe = [];
});

describe('the content-changed event', () => {
  test('every subscriber hears each change, with its tags and read position, before publish returns', () => {
    const heard: [string, ContentChange][] = [];
    subscribe('pages', (c) => heard.push(['pages', c]));
    subscribe('searches', (c) => heard.push(['searches', c]));

    publishContentChanged(change);

    expect(heard).toEqual([
      ['pages', change],
      ['searches', change],
    ]);
  });

  test('a cache subscribed again under its name (another bundle of the process) hears each change once', () => {
    const first = vi.fn();
    const second = vi.fn();
    subscribe('known pages', first);
    subscribe('known pages', second);

    publishContentChanged(change);

    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
    expect(contentChangeSubscribers().filter((name) => name === 'known pages')).toHaveLength(1);
  });

  test('is one registry per process, whichever copy of the module subscribed', async () => {
    vi.resetModules();
    // The same file as another module (a bundle's copy of it): its own top-level state.
    const copy = './content-changed?copy';
    const other = (await import(/* @vite-ignore */ copy)) as typeof import('./content-changed');
    expect(other.onContentChanged).not.toBe(onContentChanged);
    const heard = vi.fn();
    unsubscribe.push(other.onContentChanged('from another bundle', heard));

    publishContentChanged(change);

    expect(heard).toHaveBeenCalledWith(change);
  });

  test('a subscriber that fails keeps no other from hearing, and its failure is said', () => {
    const after = vi.fn();
    subscribe('broken', () => {
      throw new Error('the cache is broken');
    });
    subscribe('after it', after);

    expect(() => publishContentChanged(change)).toThrow('the cache is broken');
    expect(after).toHaveBeenCalledWith(change);
  });

  test('an unsubscribed listener hears nothing more', () => {
    const heard = vi.fn();
    const stop = onContentChanged('gone', heard);
    stop();

    publishContentChanged(change);

    expect(heard).not.toHaveBeenCalled();
    expect(contentChangeSubscribers()).not.toContain('gone');
  });
});
