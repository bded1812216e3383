/**
 * Links that carry their state: a what-if scenario (`#s=1.<payload>`) or a whole slide deck with
 * its callouts and the scenarios its slides use (`#d=1.<payload>`), so a briefing opens on a
 * machine that has never seen it. The payload is the JSON the app already writes to a file,
 * DEFLATE-compressed (fflate, already bundled for the exports) and written in base64url, which
 * a URL carries unescaped. Opening a link reads it with the files' own schemas
 * (parseScenarioValue, parseDeckValue): one schema per concept, whatever the JSON came in.
 *
 * Why fflate and not lz-string: on the 10-slide deck with callouts of shareLink.test.ts (7.8 kB
 * of JSON), deflate-raw plus base64url makes a 2.1 kB payload, lz-string's
 * compressToEncodedURIComponent 4.6 kB (over the issue's 4 kB); and fflate is no new dependency.
 *
 * A link is hostile until read: its length is capped before anything is decoded, its inflated
 * size while it inflates (a few hundred bytes of DEFLATE can expand to megabytes), and every
 * failure is a typed problem, never a throw.
 */
import { Inflate, deflateSync } from 'fflate';
import { formatHash, type HashState } from './hash.ts';
import type { Said } from './problems.ts';
import { parseDeckValue, type SlideDeck } from './slideDeck.ts';
import { parseScenarioValue, storeVersionFor, type UserScenario } from './userScenario.ts';
import {
  LINK_VERSION,
  MAX_INFLATED_BYTES,
  MAX_LINK_CHARS,
  MAX_PARAM_CHARS,
  type LinkProblem,
  type LinkResult,
} from './linkLimits.ts';

export {
  adoptScenarios,
  LINK_VERSION,
  MAX_INFLATED_BYTES,
  MAX_LINK_CHARS,
  MAX_PARAM_CHARS,
  type LinkProblem,
  type LinkResult,
} from './linkLimits.ts';

/** DEFLATE input fed at a time, so an over-large output is caught soon after it passes the cap. */
const INFLATE_STEP = 256;

const PARAM = /^([0-9]{1,4})\.([A-Za-z0-9_-]*)$/;

/** Bytes as base64url without padding (RFC 4648 §5). */
export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes of base64url text, or null if it is not base64url. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  try {
    const bin = atob(b64);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

/** `value` as a link parameter's value: `<version>.<payload>`. */
function encode(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  return `${LINK_VERSION}.${toBase64Url(deflateSync(bytes, { level: 9 }))}`;
}

/** The JSON object a parameter's value holds, or why not; nothing is parsed past the caps. */
export function decodeParam(param: string): LinkResult<{ json: object }> {
  const fail = (problem: LinkProblem) => ({ ok: false, problem }) as const;
  if (param.length > MAX_PARAM_CHARS) return fail({ kind: 'too_long', length: param.length });
  const match = PARAM.exec(param);
  if (!match) return fail({ kind: 'malformed' });
  if (Number(match[1]) !== LINK_VERSION) return fail({ kind: 'version', version: match[1]! });
  const bytes = fromBase64Url(match[2]!);
  if (!bytes || !bytes.length) return fail({ kind: 'malformed' });
  const inflated = inflateCapped(bytes, MAX_INFLATED_BYTES);
  if (inflated === 'too_large') return fail({ kind: 'too_large' });
  if (!inflated) return fail({ kind: 'damaged' });
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
  } catch {
    return fail({ kind: 'damaged' });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return fail({ kind: 'invalid', issues: [{ code: 'not_json', params: { detail: '' } }] });
  return { ok: true, json };
}

/**
 * DEFLATE data inflated, stopping as soon as the output passes `cap`; null when the data is not
 * a complete DEFLATE stream (fflate throws on a cut or corrupted one).
 */
function inflateCapped(data: Uint8Array, cap: number): Uint8Array | null | 'too_large' {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let done = false;
  const stream = new Inflate((chunk, final) => {
    chunks.push(chunk);
    size += chunk.length;
    done ||= final;
  });
  try {
    for (let at = 0; at < data.length; at += INFLATE_STEP) {
      stream.push(data.subarray(at, at + INFLATE_STEP), at + INFLATE_STEP >= data.length);
      if (size > cap) return 'too_large';
    }
  } catch {
    return null;
  }
  if (!done) return null;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A scenario as a link parameter's value (`s=`). */
export function encodeScenarioLink(scenario: UserScenario): string {
  return encode(scenario);
}

/** The one scenario a `s=` value holds, checked as an imported file is, or why not. */
export function decodeScenarioLink(param: string): LinkResult<{ scenario: UserScenario }> {
  const read = decodeParam(param);
  if (!read.ok) return read;
  // A store of several is a file's shape, not a link's: a link shows one scenario.
  if ('scenarios' in read.json)
    return { ok: false, problem: { kind: 'invalid', issues: [{ code: 'not_scenario_object' }] } };
  const r = parseScenarioValue(read.json);
  if (!r.ok) return { ok: false, problem: { kind: 'invalid', issues: r.errors } };
  return { ok: true, scenario: r.scenarios[0]! };
}

/** The scenarios, of `scenarios`, that the deck's slides show. */
export function scenariosOfDeck(deck: SlideDeck, scenarios: readonly UserScenario[]) {
  const used = new Set(deck.slides.map((s) => s.scn));
  return scenarios.filter((s) => used.has(s.id));
}

/** A deck, its callouts and the scenarios its slides show, as a link parameter's value (`d=`). */
export function encodeDeckLink(deck: SlideDeck, scenarios: readonly UserScenario[]): string {
  const used = scenariosOfDeck(deck, scenarios);
  return encode({ deck, scenarios: { version: storeVersionFor(used), scenarios: used } });
}

/**
 * The deck and scenarios a `d=` value holds, each checked by its file's schema, or why not.
 * Problems in the scenarios are said with the path `scenarios.…`, the deck's with `deck.…`.
 */
export function decodeDeckLink(
  param: string,
): LinkResult<{ deck: SlideDeck; scenarios: UserScenario[] }> {
  const read = decodeParam(param);
  if (!read.ok) return read;
  const { deck, scenarios } = read.json as { deck?: unknown; scenarios?: unknown };
  const invalid = (issues: Said[], at: string) => ({
    ok: false as const,
    problem: {
      kind: 'invalid' as const,
      issues: issues.map((i) => ({ ...i, path: i.path ? `${at}.${i.path}` : at })),
    },
  });
  const d = parseDeckValue(deck);
  if (!d.ok) return invalid(d.errors, 'deck');
  if (!d.deck.slides.length) return { ok: false, problem: { kind: 'empty' } };
  if (typeof scenarios !== 'object' || scenarios === null || !('scenarios' in scenarios))
    return invalid([{ code: 'not_scenario_object' }], 'scenarios');
  const s = parseScenarioValue(scenarios);
  if (!s.ok) return invalid(s.errors, 'scenarios');
  return { ok: true, deck: d.deck, scenarios: s.scenarios };
}

/** The map layer that draws the user's imported datasets (layerRegistry.ts). */
export const IMPORTED_LAYER = 'imported';

/** A link's hash, or why the app offers the file instead. */
export type LinkHash =
  | { ok: true; hash: string }
  | { ok: false; why: 'too_long'; length: number }
  | { ok: false; why: 'imported' };

/** The hash, or too long for a link (MAX_LINK_CHARS). */
function fitting(state: HashState): LinkHash {
  const hash = formatHash(state);
  return hash.length > MAX_LINK_CHARS
    ? { ok: false, why: 'too_long', length: hash.length }
    : { ok: true, hash };
}

/**
 * A link's hash that shows `scenario` as the map shows it now (`view`: date, camera, layers…),
 * without the imported-data layer, whose data never travels in a link.
 */
export function scenarioLinkHash(
  scenario: UserScenario,
  view: Omit<HashState, 'scn' | 's' | 'd' | 'present'>,
): LinkHash {
  const layers = view.layers?.filter((l) => l !== IMPORTED_LAYER);
  return fitting({ ...view, layers, s: encodeScenarioLink(scenario) });
}

/**
 * A link's hash that presents `deck` from its first slide, or why not: too long, or slides that
 * show imported data (`importedData`: this browser holds some), which a link cannot carry.
 */
export function deckLinkHash(
  deck: SlideDeck,
  scenarios: readonly UserScenario[],
  o: { importedData: boolean; lang?: HashState['lang'] },
): LinkHash {
  if (o.importedData && deck.slides.some((s) => s.layers.includes(IMPORTED_LAYER)))
    return { ok: false, why: 'imported' };
  return fitting({ d: encodeDeckLink(deck, scenarios), present: 1, lang: o.lang });
}
