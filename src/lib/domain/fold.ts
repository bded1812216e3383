/**
 * A name as compared when a reader looks for it: search (search.ts), the sites table's filter
 * (sitesTable.ts) and the towns that a site already names (map/towns.ts) all match through
 * this one function, so "kasai" finds "Kasaï" and "nord kivu" finds "Nord-Kivu" everywhere.
 */

/**
 * Accents and other marks dropped (NFD, then the marks removed), lower case, and every run of
 * punctuation or spacing one space, trimmed. Ligatures (œ, æ) are letters of their own: NFD
 * does not split them.
 */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
