/**
 * Reads control.csv: towns held by an armed group over time. The same column checks and date
 * rules as the other scenario files (scenario.ts); unlike a site, a held town must have its
 * point, since it is drawn and every site and place is tested against the area around it.
 */
import type { Said } from '../domain/problems.ts';
import type { ControlPeriod } from '../domain/schema.ts';
import * as c from './columns.ts';
import { build, CITED, dateRange, uniqueIds, type Loaded } from './scenario.ts';

/** The point's fix: a held town is nothing on the map without one. */
const POINT_FIX: Said = { code: 'fix_town_point', params: { example: '-1.67409, 29.22845' } };

const CONTROL_SPEC = {
  id: c.id,
  town: c.text(),
  // Any name the sources use: groups rename and ally ("M23/AFC"), so no fixed list.
  group: c.text({ code: 'fix_armed_group' }),
  province_iso: c.province,
  lat: c.number(-90, 90, false, POINT_FIX),
  lon: c.number(-180, 180, false, POINT_FIX),
  from: c.optionalText,
  from_precision: c.optionalText,
  to: c.optionalText,
  to_precision: c.optionalText,
  ...CITED,
};

/** Reads control.csv; `to` empty means still held at the last source. */
export function readControl(
  text: string | Uint8Array,
  file = 'control.csv',
): Loaded<ControlPeriod> {
  const loaded = build(text, file, CONTROL_SPEC, ({ line, values: r }, issues) => {
    const dates = dateRange(
      issues,
      file,
      line,
      ['from', r.from, r.from_precision],
      ['to', r.to, r.to_precision],
      true,
    );
    if (!dates?.start) return undefined;
    return {
      id: r.id,
      town: r.town,
      group: r.group,
      province_iso: r.province_iso,
      lat: r.lat!,
      lon: r.lon!,
      from: dates.start,
      to: dates.end,
      source: r.source,
      confidence: r.confidence,
      notes: r.notes,
    };
  });
  return uniqueIds(loaded, file);
}
