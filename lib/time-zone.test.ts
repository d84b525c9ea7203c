import { afterEach, describe, expect, test } from 'vitest';
import {
  calendarDay,
  checkTimeZone,
  formatPublished,
  formatPublishedDate,
  isoInZone,
  siteTimeZone,
  startOfDay,
  zonedInstant,
} from '@/lib/time-zone';

const utc = (iso: string) => new Date(iso);

describe('the site time zone setting', () => {
  const saved = process.env.SITE_TIME_ZONE;
  afterEach(() => {
    if (saved === undefined) delete process.env.SITE_TIME_ZONE;
    else process.env.SITE_TIME_ZONE = saved;
  });

  test('is UTC when unset or blank', () => {
    delete process.env.SITE_TIME_ZONE;
    expect(siteTimeZone()).toBe('UTC');
    process.env.SITE_TIME_ZONE = '  ';
    expect(siteTimeZone()).toBe('UTC');
  });

  test('is the IANA name given, trimmed', () => {
    process.env.SITE_TIME_ZONE = ' Europe/London ';
    expect(siteTimeZone()).toBe('Europe/London');
    process.env.SITE_TIME_ZONE = 'Asia/Kolkata';
    expect(siteTimeZone()).toBe('Asia/Kolkata');
  });

  test('refuses a name that is not a time zone, naming the setting and the value', () => {
    process.env.SITE_TIME_ZONE = 'Mars/Olympus_Mons';
    expect(() => siteTimeZone()).toThrow(
      'SITE_TIME_ZONE "Mars/Olympus_Mons" is not an IANA time zone name (for example Europe/London, UTC)',
    );
  });

  test.each(['Europe/Londres', 'GMT+25', 'London', '+05:30', 'Europe/London; rm -rf /'])(
    '"%s" is not a time zone',
    (name) => {
      expect(checkTimeZone(name)).toEqual({ ok: false, message: expect.stringContaining(`"${name}"`) });
    },
  );

  test.each(['UTC', 'Europe/London', 'America/New_York', 'Asia/Kolkata'])('"%s" is one', (name) => {
    expect(checkTimeZone(name)).toEqual({ ok: true, zone: name });
  });

  test('a name in another letter case is the zone in its usual case', () => {
    expect(checkTimeZone('europe/london')).toEqual({ ok: true, zone: 'Europe/London' });
    expect(checkTimeZone('utc')).toEqual({ ok: true, zone: 'UTC' });
  });
});

describe('a wall clock in a zone is an instant', () => {
  test('in UTC, the clock is the instant', () => {
    expect(zonedInstant({ year: 2017, month: 3, day: 27, hour: 10, minute: 48 }, 'UTC')).toEqual({
      ok: true,
      at: utc('2017-03-27T10:48:00Z'),
    });
  });

  test('without a time, it is midnight', () => {
    expect(zonedInstant({ year: 2017, month: 3, day: 27 }, 'Europe/London')).toEqual({
      ok: true,
      at: utc('2017-03-26T23:00:00Z'),
    });
  });

  test('London in winter is GMT, in summer BST', () => {
    expect(zonedInstant({ year: 2017, month: 1, day: 9, hour: 9, minute: 0 }, 'Europe/London')).toEqual({
      ok: true,
      at: utc('2017-01-09T09:00:00Z'),
    });
    expect(zonedInstant({ year: 2017, month: 7, day: 9, hour: 9, minute: 0 }, 'Europe/London')).toEqual({
      ok: true,
      at: utc('2017-07-09T08:00:00Z'),
    });
  });

  test('Kolkata is five and a half hours ahead, all year', () => {
    expect(zonedInstant({ year: 2017, month: 3, day: 27, hour: 15, minute: 18 }, 'Asia/Kolkata')).toEqual({
      ok: true,
      at: utc('2017-03-27T09:48:00Z'),
    });
  });

  test('a time the spring change skips is not a time there (London 01:30, New York 02:30)', () => {
    expect(zonedInstant({ year: 2017, month: 3, day: 26, hour: 1, minute: 30 }, 'Europe/London')).toEqual({
      ok: false,
      reason: 'skipped',
    });
    expect(zonedInstant({ year: 2017, month: 3, day: 12, hour: 2, minute: 30 }, 'America/New_York')).toEqual({
      ok: false,
      reason: 'skipped',
    });
  });

  test('the minutes either side of the skipped hour are times', () => {
    expect(zonedInstant({ year: 2017, month: 3, day: 26, hour: 0, minute: 59 }, 'Europe/London')).toEqual({
      ok: true,
      at: utc('2017-03-26T00:59:00Z'),
    });
    expect(zonedInstant({ year: 2017, month: 3, day: 26, hour: 2, minute: 0 }, 'Europe/London')).toEqual({
      ok: true,
      at: utc('2017-03-26T01:00:00Z'),
    });
  });

  test('the days either side of a change keep their own offsets', () => {
    expect(zonedInstant({ year: 2017, month: 3, day: 25, hour: 23, minute: 30 }, 'Europe/London')).toEqual({
      ok: true,
      at: utc('2017-03-25T23:30:00Z'),
    });
    expect(zonedInstant({ year: 2017, month: 3, day: 27, hour: 0, minute: 30 }, 'Europe/London')).toEqual({
      ok: true,
      at: utc('2017-03-26T23:30:00Z'),
    });
    expect(zonedInstant({ year: 2017, month: 3, day: 26, hour: 23, minute: 30 }, 'Europe/London')).toEqual({
      ok: true,
      at: utc('2017-03-26T22:30:00Z'),
    });
    expect(zonedInstant({ year: 1960, month: 7, day: 1, hour: 12 }, 'America/New_York')).toEqual({
      ok: true,
      at: utc('1960-07-01T16:00:00Z'),
    });
    expect(zonedInstant({ year: 17, month: 3, day: 27 }, 'UTC')).toEqual({ ok: true, at: utc('0017-03-27T00:00:00Z') });
  });

  test('a day starts at midnight, or where the clocks jump to when a change skips midnight', () => {
    expect(startOfDay({ year: 2017, month: 3, day: 26 }, 'Europe/London')).toEqual(utc('2017-03-26T00:00:00Z'));
    expect(startOfDay({ year: 2017, month: 10, day: 15 }, 'America/Sao_Paulo')).toEqual(utc('2017-10-15T03:00:00Z'));
    expect(startOfDay({ year: 2017, month: 10, day: 16 }, 'America/Sao_Paulo')).toEqual(utc('2017-10-16T02:00:00Z'));
    expect(startOfDay({ year: 2017, month: 2, day: 29 }, 'UTC')).toBeNull();
  });

  test('a time the autumn change repeats is the earlier instant (London 01:30 BST, New York 01:30 EDT)', () => {
    expect(zonedInstant({ year: 2017, month: 10, day: 29, hour: 1, minute: 30 }, 'Europe/London')).toEqual({
      ok: true,
      at: utc('2017-10-29T00:30:00Z'),
    });
    expect(zonedInstant({ year: 2017, month: 11, day: 5, hour: 1, minute: 30 }, 'America/New_York')).toEqual({
      ok: true,
      at: utc('2017-11-05T05:30:00Z'),
    });
  });

  test.each([
    ['31 February', { year: 2017, month: 2, day: 31 }],
    ['30 February', { year: 2017, month: 2, day: 30 }],
    ['29 February in a common year', { year: 2017, month: 2, day: 29 }],
    ['hour 25', { year: 2017, month: 3, day: 27, hour: 25, minute: 0 }],
    ['hour 24', { year: 2017, month: 3, day: 27, hour: 24, minute: 0 }],
    ['minute 60', { year: 2017, month: 3, day: 27, hour: 10, minute: 60 }],
    ['month 13', { year: 2017, month: 13, day: 1 }],
  ])('%s does not exist', (_name, wall) => {
    expect(zonedInstant(wall, 'UTC')).toEqual({ ok: false, reason: 'no-such-date' });
  });

  test('29 February in a leap year exists', () => {
    expect(zonedInstant({ year: 2016, month: 2, day: 29 }, 'UTC')).toEqual({
      ok: true,
      at: utc('2016-02-29T00:00:00Z'),
    });
  });
});

describe('an instant in a zone', () => {
  test('falls on the calendar day of that zone', () => {
    const lateEvening = utc('2017-03-27T23:30:00Z');
    expect(calendarDay(lateEvening, 'UTC')).toBe('2017-03-27');
    expect(calendarDay(lateEvening, 'Europe/London')).toBe('2017-03-28');
    expect(calendarDay(lateEvening, 'America/New_York')).toBe('2017-03-27');
    expect(calendarDay(utc('2017-03-27T18:30:00Z'), 'Asia/Kolkata')).toBe('2017-03-28');
    expect(calendarDay(utc('2017-03-27T18:29:59Z'), 'Asia/Kolkata')).toBe('2017-03-27');
  });

  test('is written in ISO 8601 with the offset in force then', () => {
    expect(isoInZone(utc('2017-03-27T09:48:00Z'), 'Europe/London')).toBe('2017-03-27T10:48:00+01:00');
    expect(isoInZone(utc('2017-01-27T09:48:00Z'), 'Europe/London')).toBe('2017-01-27T09:48:00+00:00');
    expect(isoInZone(utc('2017-03-27T09:48:00Z'), 'America/New_York')).toBe('2017-03-27T05:48:00-04:00');
    expect(isoInZone(utc('2017-01-27T09:48:00Z'), 'America/New_York')).toBe('2017-01-27T04:48:00-05:00');
    expect(isoInZone(utc('2017-03-27T09:48:00Z'), 'Asia/Kolkata')).toBe('2017-03-27T15:18:00+05:30');
    expect(isoInZone(utc('2017-03-27T09:48:07.250Z'), 'UTC')).toBe('2017-03-27T09:48:07+00:00');
  });

  test('the ISO string reads back as the same instant (to the second)', () => {
    const at = utc('2017-10-29T00:30:00Z');
    expect(new Date(isoInZone(at, 'Europe/London')).getTime()).toBe(at.getTime());
    expect(new Date(isoInZone(at, 'Asia/Kolkata')).getTime()).toBe(at.getTime());
  });

  test('is shown to readers with its weekday, day, month, year, time and zone', () => {
    const at = utc('2017-03-27T09:48:00Z');
    expect(formatPublished(at, 'Europe/London')).toBe('Monday 27 March 2017, 10:48 BST');
    expect(formatPublished(utc('2017-01-02T09:05:00Z'), 'Europe/London')).toBe('Monday 2 January 2017, 09:05 GMT');
    expect(formatPublished(at, 'America/New_York')).toBe('Monday 27 March 2017, 05:48 EDT');
    expect(formatPublished(utc('2017-01-02T09:05:00Z'), 'America/New_York')).toBe('Monday 2 January 2017, 04:05 EST');
    expect(formatPublished(at, 'UTC')).toBe('Monday 27 March 2017, 09:48 UTC');
    expect(formatPublished(utc('2017-03-27T18:45:00Z'), 'Asia/Kolkata')).toBe('Tuesday 28 March 2017, 00:15 GMT+5:30');
  });

  test('the two instants of a repeated hour are told apart by their zone names', () => {
    expect(formatPublished(utc('2017-10-29T00:30:00Z'), 'Europe/London')).toBe('Sunday 29 October 2017, 01:30 BST');
    expect(formatPublished(utc('2017-10-29T01:30:00Z'), 'Europe/London')).toBe('Sunday 29 October 2017, 01:30 GMT');
  });

  test('has a date-only label, the day in that zone', () => {
    expect(formatPublishedDate(utc('2017-03-27T23:30:00Z'), 'UTC')).toBe('Monday 27 March 2017');
    expect(formatPublishedDate(utc('2017-03-27T23:30:00Z'), 'Europe/London')).toBe('Tuesday 28 March 2017');
  });

  test('is labelled in the site time zone when no zone is given', () => {
    const saved = process.env.SITE_TIME_ZONE;
    process.env.SITE_TIME_ZONE = 'Asia/Kolkata';
    try {
      const at = utc('2017-03-27T18:45:00Z');
      expect(calendarDay(at)).toBe('2017-03-28');
      expect(isoInZone(at)).toBe('2017-03-28T00:15:00+05:30');
      expect(formatPublishedDate(at)).toBe('Tuesday 28 March 2017');
    } finally {
      if (saved === undefined) delete process.env.SITE_TIME_ZONE;
      else process.env.SITE_TIME_ZONE = saved;
    }
  });
});
