/** A recognised format's name and its publisher's terms, from the one format registry. */
import { m } from '../../../paraglide/messages.js';
import { FORMATS } from '../../import/formats.ts';
import { say } from '../../domain/problems.ts';
import type { FormatId } from '../../import/types.ts';

/** A format's name in the reader's language; "unknown format" for none. */
export const formatName = (f: FormatId | null): string =>
  f ? say({ code: FORMATS[f].label }) : m.import_format_unknown();

/** What ACLED, UCDP or Geo-PKO ask of those who show their data; null for other formats. */
export function termsOf(f: FormatId): string | null {
  const t = FORMATS[f].terms;
  return t ? say({ code: t }) : null;
}
