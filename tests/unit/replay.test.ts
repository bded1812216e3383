import { describe, expect, test } from 'vitest';
import { replayDays } from '../../src/lib/export/replay.ts';
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
