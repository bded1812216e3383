import { describe, expect, test } from 'vitest';
import { replayDays, videoLength, videoSchedule } from '../../src/lib/export/replay.ts';
import { isoOfDay, parseFuzzyDate, type FuzzyDate } from '../../src/lib/domain/dates.ts';

const day = (t: string) => (parseFuzzyDate(t, 'day') as FuzzyDate).first;

describe('replayDays', () => {
  test.each([
    { from: '2021-05-15', to: '2021-07-15', days: ['2021-05-15', '2021-06-15', '2021-07-15'] },
    { from: '2021-05-15', to: '2021-07-01', days: ['2021-05-15', '2021-06-15', '2021-07-01'] },
    { from: '2021-01-31', to: '2021-03-31', days: ['2021-01-31', '2021-02-28', '2021-03-31'] },
    { from: '2021-05-15', to: '2021-05-15', days: ['2021-05-15'] },
    { from: '2021-05-15', to: '2021-01-01', days: [] },
  ])('$from → $to', ({ from, to, days }) => {
    expect(replayDays(day(from), day(to)).map(isoOfDay)).toEqual(days);
  });
});

describe('videoSchedule', () => {
  // 100 ms between frames at most, each month starting on time, the last held 800 ms more and
  // closed by a frame at the very end; a key frame at least every 2 s.
  test.each([
    {
      pictures: 2,
      msPerMonth: 150,
      ms: [0, 100, 150, 250, 350, 450, 550, 650, 750, 850, 950, 1050, 1100],
      pics: [0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    },
    {
      pictures: 1,
      msPerMonth: 100,
      ms: [0, 100, 200, 300, 400, 500, 600, 700, 800, 900],
      pics: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    },
    { pictures: 0, msPerMonth: 600, ms: [], pics: [] },
  ])('$pictures months at $msPerMonth ms', ({ pictures, msPerMonth, ms, pics }) => {
    const slots = videoSchedule(pictures, msPerMonth);
    expect(slots.map((s) => s.ms)).toEqual(ms);
    expect(slots.map((s) => s.picture)).toEqual(pics);
    if (slots.length) expect(slots[0]!.key).toBe(true);
  });

  test('key frames at least every 2 s; the video lasts months × speed + 800 ms', () => {
    const slots = videoSchedule(12, 1200);
    const keys = slots.filter((s) => s.key).map((s) => s.ms);
    expect(keys[0]).toBe(0);
    for (let i = 1; i < keys.length; i++) expect(keys[i]! - keys[i - 1]!).toBeLessThanOrEqual(2000);
    expect(keys.length).toBeGreaterThanOrEqual(Math.floor(videoLength(12, 1200) / 2000));
    for (let p = 0; p < 12; p++) expect(slots.find((s) => s.picture === p)!.ms).toBe(p * 1200);
    for (let i = 1; i < slots.length; i++)
      expect(slots[i]!.ms - slots[i - 1]!.ms).toBeLessThanOrEqual(100);
    expect(videoLength(12, 1200)).toBe(12 * 1200 + 800);
    expect(slots[slots.length - 1]!.ms).toBe(videoLength(12, 1200));
  });
});
