/** A hotspots.csv row as the suggestion writes it, valid as it stands, for the hotspot tests. */
import type { HotspotRow } from '../../src/lib/domain/userScenario.ts';

export const hotspotRow = (over: Partial<HotspotRow> = {}): HotspotRow => ({
  id: 'suggested-beni',
  group: 'ADF',
  label: 'Beni',
  province_iso: 'CD-NK',
  lat: '0.49',
  lon: '29.47',
  radius_km: '12.3',
  from: '2024-01-03',
  from_precision: 'day',
  to: '2024-03-28',
  to_precision: 'day',
  intensity: '',
  intensity_basis: 'Not rated: 150 events with 300 fatalities',
  source: 'Suggested from the imported file acled.csv, window 2024-01-01 to 2024-03-31',
  confidence: 'low',
  notes: '',
  ...over,
});
