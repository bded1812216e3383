/** The bundled default dataset, validated as the app does it, for tests and the benchmark (Node). */
import { existsSync, readFileSync } from 'node:fs';
import type { Topology } from 'topojson-specification';
import { decodeProvinces } from '../src/lib/data/boundaries.ts';
import {
  SCENARIO_FILES,
  validateScenario,
  type ScenarioTexts,
  type ValidatedScenario,
} from '../src/lib/data/loadScenario.ts';
import type { Scenario } from '../src/lib/domain/schema.ts';

/** Everything the loader returns: the scenario, its problems and the rows read. */
export function validateDefaultData(): ValidatedScenario {
  const provinces = decodeProvinces(
    JSON.parse(readFileSync('data/boundaries/provinces.topo.json', 'utf8')) as Topology,
    'p',
  );
  const texts = Object.fromEntries(
    Object.entries(SCENARIO_FILES)
      .filter(([, f]) => existsSync(`data/${f}`))
      .map(([k, f]) => [k, readFileSync(`data/${f}`, 'utf8')]),
  ) as ScenarioTexts;
  return validateScenario(texts, provinces);
}

export function loadDefaultData(): Scenario {
  return validateDefaultData().scenario;
}
