/**
 * `npm run validate-data`: checks every file in data/ with the app's own loader, the location
 * checks and the milestones; prints each problem (file, line, column, value, fix), the named
 * exceptions and the totals. Exits 1 on any problem.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Topology } from 'topojson-specification';
import { decodeProvinces } from '../lib/data/boundaries.ts';
import { formatIssue } from '../lib/data/errors.ts';
import { SCENARIO_FILES, validateScenario, type ScenarioTexts } from '../lib/data/loadScenario.ts';
import { checkMilestones } from '../lib/domain/milestones.ts';
import { countBy, latestFact, openPerYear } from '../lib/domain/summary.ts';
import { formatFuzzyDate } from '../lib/domain/formatFuzzyDate.ts';
import { dayNumber } from '../lib/domain/dates.ts';
import { MILITARY_KINDS } from '../lib/domain/schema.ts';
import { troopIndex, troopPicture } from '../lib/domain/troops.ts';

/** How old the newest fact may be, against the build date, before the validator warns. */
const STALE_AFTER_DAYS = 90;

const DATA = process.argv[2] ?? 'data';
const read = (f: string) => readFileSync(join(DATA, f), 'utf8');
// The CSVs as bytes, so the loader reports bytes that are not UTF-8 by line.
const readBytes = (f: string) => new Uint8Array(readFileSync(join(DATA, f)));
const provinces = decodeProvinces(
  JSON.parse(read('boundaries/provinces.topo.json')) as Topology,
  'provinces.topo.json',
);
const texts = Object.fromEntries(
  Object.entries(SCENARIO_FILES)
    .filter(([, f]) => existsSync(join(DATA, f)))
    .map(([k, f]) => [k, readBytes(f)]),
) as ScenarioTexts;
const { scenario, issues, rowsRead } = validateScenario(texts, provinces);
const milestones = checkMilestones(scenario.sites);

const table = (rows: [string | number, number][]) =>
  rows.map(([k, n]) => `  ${String(k).padEnd(28)} ${n}`).join('\n');

console.log('Records (loaded / rows):');
for (const [k, f] of Object.entries(SCENARIO_FILES))
  console.log(
    `  ${f.padEnd(28)} ${scenario[k as keyof typeof scenario].length} / ${rowsRead[k as keyof typeof rowsRead]}`,
  );
console.log(`\nSites by kind:\n${table(countBy(scenario.sites, (s) => s.kind))}`);
console.log(
  `\nSites present at some point of each year:\n${table(openPerYear(scenario.sites, 2019, 2026))}`,
);
console.log(`\nHotspots by group:\n${table(countBy(scenario.hotspots, (h) => h.group))}`);

// The troop figures by year: our estimate against the ceiling and what UN sources reported.
const index = troopIndex(scenario.siteTroops);
const military = (k: (typeof MILITARY_KINDS)[number]) => MILITARY_KINDS.includes(k);
console.log('\nTroops on 1 July (estimate of located units / ceiling / latest deployed figure):');
for (let y = 2019; y <= 2026; y++) {
  const p = troopPicture(
    { sites: scenario.sites, index, strength: scenario.strength, mandates: scenario.mandates },
    dayNumber(y, 7, 1),
    military,
  );
  const deployed = p.deployed
    ? `${p.deployed.troops} (${formatFuzzyDate(p.deployed.date)}, ${p.deployed.figure})`
    : 'none';
  console.log(
    `  ${y}  ${String(p.estimate.troops).padStart(6)} / ${String(p.ceiling ?? '–').padStart(6)} / ${deployed}${p.notes.length ? `  [${p.notes.join(', ')}]` : ''}`,
  );
}

// The data date: the newest dated fact. A build long after it is warned about, not refused:
// the data may simply have no newer fact to give, but whoever builds should know.
const latest = latestFact(scenario);
console.log(`\nData as of (newest dated fact): ${latest ? formatFuzzyDate(latest) : 'none'}`);
const today = Math.floor(Date.now() / 86_400_000);
if (latest && today - latest.last > STALE_AFTER_DAYS)
  console.log(
    `  WARNING: the newest fact is ${today - latest.last} days older than today (over ${STALE_AFTER_DAYS}). See docs/updating-data.md.`,
  );

console.log('\nMilestones:');
for (const r of milestones) {
  console.log(
    `  ${r.violations.length ? 'FAIL' : 'ok  '} ${r.milestone.rule} (${r.milestone.source})`,
  );
  for (const e of r.excepted)
    console.log(`         exception: ${e.site.id} (${e.site.name}): ${e.source}`);
  for (const v of r.violations)
    console.log(
      `         violation: ${v.id} (${v.name}) closed ${v.closed ? formatFuzzyDate(v.closed) : 'never'}`,
    );
}

const violations = milestones.reduce((n, r) => n + r.violations.length, 0);
if (issues.length) {
  console.log(`\n${issues.length} problem(s):`);
  for (const i of issues) console.log(`  ${formatIssue(i, 'en')}`);
}
console.log(
  `\n${issues.length || violations ? 'FAILED' : 'OK'}: ${issues.length} problem(s), ${violations} milestone violation(s).`,
);
process.exitCode = issues.length || violations ? 1 : 0;
