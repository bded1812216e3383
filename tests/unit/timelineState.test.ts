/**
 * Playback in TimelineState, on fake timers: a play-to target backwards pauses, changes speed
 * and stops as one forwards does, and the normal replay still only goes forwards.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { dayNumber, isoOfDay } from '../../src/lib/domain/dates.ts';
import { MS_PER_MONTH, TimelineState } from '../../src/lib/state/timelineState.svelte.ts';

const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return dayNumber(y!, m!, d!);
};

function at(iso: string): TimelineState {
  const t = new TimelineState();
  t.setRange(day('2019-01-01'), day('2026-12-31'));
  t.go(day(iso));
  return t;
}

describe('TimelineState.playTo', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test.each([
    { from: '2020-01-01', to: '2020-06-01', second: '2020-03-01' },
    { from: '2022-06-01', to: '2021-01-01', second: '2022-04-01' },
  ])('from $from to $to: a month a tick, then stops on the target', ({ from, to, second }) => {
    const t = at(from);
    t.playTo(day(to));
    expect(t.playing).toBe(true);
    vi.advanceTimersByTime(2 * MS_PER_MONTH);
    expect(isoOfDay(t.day)).toBe(second);
    vi.advanceTimersByTime(100 * MS_PER_MONTH);
    expect(isoOfDay(t.day)).toBe(to);
    expect({ playing: t.playing, until: t.until }).toEqual({ playing: false, until: null });
  });

  test('backwards, a faster speed keeps the target; a pause stops it; play goes forwards', () => {
    const t = at('2022-06-01');
    t.playTo(day('2021-01-01'));
    t.setSpeed(2);
    vi.advanceTimersByTime(MS_PER_MONTH);
    expect(isoOfDay(t.day)).toBe('2022-04-01');
    t.pause();
    vi.advanceTimersByTime(10 * MS_PER_MONTH);
    expect(isoOfDay(t.day)).toBe('2022-04-01');
    t.play();
    vi.advanceTimersByTime(MS_PER_MONTH / 2);
    expect(isoOfDay(t.day)).toBe('2022-05-01');
    t.pause();
  });

  test('a target on the current day does not play', () => {
    const t = at('2021-01-01');
    t.playTo(day('2021-01-01'));
    expect({ playing: t.playing, until: t.until }).toEqual({ playing: false, until: null });
  });
});

describe('TimelineState.setRange', () => {
  test.each([
    { name: 'a day inside stays', at: '2024-05-01', max: '2026-11-30', expected: '2024-05-01' },
    {
      name: 'the end follows a longer span',
      at: '2026-12-31',
      max: '2027-03-31',
      expected: '2027-03-31',
    },
    {
      name: 'the end follows a shorter one too',
      at: '2026-12-31',
      max: '2025-06-30',
      expected: '2025-06-30',
    },
    {
      name: 'a day past a shorter span is clamped',
      at: '2026-01-01',
      max: '2025-06-30',
      expected: '2025-06-30',
    },
  ])('$name', ({ at: start, max, expected }) => {
    const t = at(start);
    t.setRange(day('2019-01-01'), day(max));
    expect(isoOfDay(t.day)).toBe(expected);
  });
});
