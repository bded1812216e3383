/** What ACLED and UCDP ask of those who show their data, by format; null for other formats. */
import { m } from '../../../paraglide/messages.js';
import type { FormatId } from '../../import/types.ts';

/** The source's attribution and terms, in the reader's language. */
export function termsOf(f: FormatId): string | null {
  if (f.startsWith('acled')) return m.import_terms_acled();
  if (f.startsWith('ucdp')) return m.import_terms_ucdp();
  return null;
}
