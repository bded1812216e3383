/**
 * The third-party software in the built app and its licences. The build writes the list and the
 * full texts next to index.html (src/pipeline/softwareLicences.ts); the About panel fetches the
 * list only when it opens, so none of it weighs on start-up.
 */
import * as v from 'valibot';

/** The list the About panel shows, written at the site's root by `npm run build`. */
export const SOFTWARE_LIST_FILE = 'third-party-licences.json';
/** Every bundled package's licence and notice files, in full, as plain text. */
export const SOFTWARE_TEXTS_FILE = 'third-party-licences.txt';

const SOFTWARE_PACKAGE = v.object({
  name: v.pipe(v.string(), v.nonEmpty()),
  version: v.pipe(v.string(), v.nonEmpty()),
  /** An SPDX expression, e.g. `MIT` or `(MIT OR Apache-2.0)`. */
  licence: v.pipe(v.string(), v.nonEmpty()),
  homepage: v.string(),
});

/** One npm package whose code, styles or fonts end up in the built app. */
export type SoftwarePackage = v.InferOutput<typeof SOFTWARE_PACKAGE>;

/** Checks the list's JSON; the message names the file, the entry and the fix. */
export function parseSoftwareList(json: unknown): SoftwarePackage[] {
  const r = v.safeParse(v.array(SOFTWARE_PACKAGE), json);
  if (r.success) return r.output;
  const issue = r.issues[0];
  const at = v.getDotPath(issue) ?? 'the top level';
  throw new Error(
    `${SOFTWARE_LIST_FILE}: ${issue.message} at ${at}; rebuild the app (npm run build) to regenerate it`,
  );
}

/** Fetches and checks the list of bundled software (same origin, beside index.html). */
export async function loadSoftwareList(signal?: AbortSignal): Promise<SoftwarePackage[]> {
  const res = await fetch(import.meta.env.BASE_URL + SOFTWARE_LIST_FILE, { signal });
  const missing = `${SOFTWARE_LIST_FILE} is not served here; only the production build (npm run build) writes it`;
  if (!res.ok) throw new Error(missing);
  // The dev server has no such file and answers with index.html rather than a 404.
  let json: unknown;
  try {
    json = JSON.parse(await res.text());
  } catch {
    throw new Error(missing);
  }
  return parseSoftwareList(json);
}
