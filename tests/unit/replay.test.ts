import { describe, expect, test } from 'vitest';
import { orAbort, replayDays, videoLength, videoSchedule } from '../../src/lib/export/replay.ts';
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
  // closed by a zero-length frame at the very end; each frame lasts until the next; a key frame
  // at least every 2 s.
  test.each([
    {
      pictures: 2,
      msPerMonth: 150,
      ms: [0, 100, 150, 250, 350, 450, 550, 650, 750, 850, 950, 1050, 1100],
      durations: [100, 50, 100, 100, 100, 100, 100, 100, 100, 100, 100, 50, 0],
      pics: [0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    },
    {
      pictures: 1,
      msPerMonth: 100,
      ms: [0, 100, 200, 300, 400, 500, 600, 700, 800, 900],
      durations: [100, 100, 100, 100, 100, 100, 100, 100, 100, 0],
      pics: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    },
    {
      // 3× speed: months of 200 ms, two frames each, and the last held 800 ms more.
      pictures: 3,
      msPerMonth: 200,
      ms: [0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200, 1300, 1400],
      durations: [100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 0],
      pics: [0, 0, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2],
    },
    {
      // Months shorter than the gap between frames each get a frame of their own, at their exact
      // (µs-rounded) start, and the durations add up exactly to the video's length.
      pictures: 3,
      msPerMonth: 1000 / 30,
      ms: [
        0, 33.333, 66.667, 166.667, 266.667, 366.667, 466.667, 566.667, 666.667, 766.667, 866.667,
        900,
      ],
      durations: [33.333, 33.334, 100, 100, 100, 100, 100, 100, 100, 100, 33.333, 0],
      pics: [0, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2],
    },
    { pictures: 0, msPerMonth: 600, ms: [], durations: [], pics: [] },
  ])('$pictures months at $msPerMonth ms', ({ pictures, msPerMonth, ms, durations, pics }) => {
    const slots = videoSchedule(pictures, msPerMonth);
    expect(slots.map((s) => s.ms)).toEqual(ms);
    expect(slots.map((s) => s.duration)).toEqual(durations);
    expect(slots.map((s) => s.picture)).toEqual(pics);
    if (slots.length) expect(slots[0]!.key).toBe(true);
  });

  test('key frames at least every 2 s; the frames tile the video, months × speed + 800 ms', () => {
    const slots = videoSchedule(12, 1200);
    const keys = slots.filter((s) => s.key).map((s) => s.ms);
    expect(keys[0]).toBe(0);
    for (let i = 1; i < keys.length; i++) expect(keys[i]! - keys[i - 1]!).toBeLessThanOrEqual(2000);
    expect(keys.length).toBeGreaterThanOrEqual(Math.floor(videoLength(12, 1200) / 2000));
    for (let p = 0; p < 12; p++) expect(slots.find((s) => s.picture === p)!.ms).toBe(p * 1200);
    for (let i = 1; i < slots.length; i++) {
      expect(slots[i]!.ms - slots[i - 1]!.ms).toBeLessThanOrEqual(100);
      // No gap and no overlap: a frame ends where the next begins.
      expect(slots[i - 1]!.ms + slots[i - 1]!.duration).toBe(slots[i]!.ms);
    }
    expect(videoLength(12, 1200)).toBe(12 * 1200 + 800);
    // The last frame's time is the video's length, as is where the frames end.
    expect(slots[slots.length - 1]).toMatchObject({ ms: videoLength(12, 1200), duration: 0 });
  });
});

describe('orAbort', () => {
  const settle = (p: Promise<unknown>) =>
    p.then(
      (v) => `value ${String(v)}`,
      (e: unknown) => (e instanceof DOMException ? e.name : `error ${(e as Error).message}`),
    );
  const later = <T>(ms: number, f: () => T) =>
    new Promise<T>((resolve, reject) =>
      setTimeout(() => {
        try {
          resolve(f());
        } catch (e) {
          reject(e as Error);
        }
      }, ms),
    );

  test.each([
    { what: 'settles first', work: 5, abortAt: 50, out: 'value 1' },
    { what: 'fails first', work: -5, abortAt: 50, out: 'error broken' },
    { what: 'aborted while pending', work: 50, abortAt: 5, out: 'AbortError' },
    { what: 'aborted before the call', work: 5, abortAt: -1, out: 'AbortError' },
    { what: 'never settles, aborted', work: Infinity, abortAt: 5, out: 'AbortError' },
  ])('work that $what', async ({ work, abortAt, out }) => {
    const c = new AbortController();
    if (abortAt < 0) c.abort();
    else setTimeout(() => c.abort(), abortAt);
    const p: Promise<number> =
      work === Infinity
        ? new Promise<number>(() => {})
        : later(Math.abs(work), () => {
            if (work < 0) throw new Error('broken');
            return 1;
          });
    expect(await settle(orAbort(p, c.signal))).toBe(out);
  });
});
