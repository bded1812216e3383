/**
 * The 26 provinces of the DRC since the 2015 découpage, with their ISO 3166-2 codes and
 * official French names. This is the one reference every data file and layer keys on.
 */
export interface ProvinceRef {
  readonly iso: string;
  readonly name: string;
  /** Other spellings met in public boundary files (English, unaccented, pre-2015 style). */
  readonly aliases: readonly string[];
}

export const PROVINCES: readonly ProvinceRef[] = [
  { iso: 'CD-KN', name: 'Kinshasa', aliases: ['Kinshasa City', 'Ville de Kinshasa'] },
  { iso: 'CD-BC', name: 'Kongo-Central', aliases: ['Kongo Central', 'Bas-Congo', 'Bas Congo'] },
  { iso: 'CD-KG', name: 'Kwango', aliases: [] },
  { iso: 'CD-KL', name: 'Kwilu', aliases: [] },
  { iso: 'CD-MN', name: 'Mai-Ndombe', aliases: ['Maï-Ndombe', 'Mai Ndombe', 'Maindombe'] },
  { iso: 'CD-EQ', name: 'Équateur', aliases: ['Equateur', 'Equator'] },
  { iso: 'CD-SU', name: 'Sud-Ubangi', aliases: ['Sud Ubangi', 'South Ubangi'] },
  { iso: 'CD-NU', name: 'Nord-Ubangi', aliases: ['Nord Ubangi', 'North Ubangi'] },
  { iso: 'CD-MO', name: 'Mongala', aliases: [] },
  { iso: 'CD-TU', name: 'Tshuapa', aliases: [] },
  { iso: 'CD-TO', name: 'Tshopo', aliases: [] },
  { iso: 'CD-BU', name: 'Bas-Uele', aliases: ['Bas Uele', 'Bas-Uélé', 'Lower Uele'] },
  { iso: 'CD-HU', name: 'Haut-Uele', aliases: ['Haut Uele', 'Haut-Uélé', 'Upper Uele'] },
  { iso: 'CD-IT', name: 'Ituri', aliases: [] },
  { iso: 'CD-NK', name: 'Nord-Kivu', aliases: ['Nord Kivu', 'North Kivu'] },
  { iso: 'CD-SK', name: 'Sud-Kivu', aliases: ['Sud Kivu', 'South Kivu'] },
  { iso: 'CD-MA', name: 'Maniema', aliases: [] },
  { iso: 'CD-HK', name: 'Haut-Katanga', aliases: ['Haut Katanga', 'Upper Katanga'] },
  { iso: 'CD-LU', name: 'Lualaba', aliases: [] },
  { iso: 'CD-HL', name: 'Haut-Lomami', aliases: ['Haut Lomami', 'Upper Lomami'] },
  { iso: 'CD-TA', name: 'Tanganyika', aliases: ['Tanganika'] },
  { iso: 'CD-LO', name: 'Lomami', aliases: [] },
  {
    iso: 'CD-KE',
    name: 'Kasaï-Oriental',
    aliases: ['Kasai-Oriental', 'Kasai Oriental', 'Kasaï Oriental', 'East Kasai'],
  },
  { iso: 'CD-SA', name: 'Sankuru', aliases: [] },
  {
    iso: 'CD-KC',
    name: 'Kasaï-Central',
    aliases: ['Kasai-Central', 'Kasai Central', 'Kasaï Central', 'Central Kasai'],
  },
  { iso: 'CD-KS', name: 'Kasaï', aliases: ['Kasai'] },
];

/** Folds case, accents, hyphens and spacing so "Kasaï Central" and "KASAI-CENTRAL" meet. */
export function normaliseProvinceName(raw: string): string {
  return raw
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const BY_KEY: ReadonlyMap<string, ProvinceRef> = new Map(
  PROVINCES.flatMap((p) =>
    [p.iso, p.name, ...p.aliases].map((k) => [normaliseProvinceName(k), p] as const),
  ),
);

/** Finds the province a name or ISO code refers to, or undefined when nothing matches. */
export function matchProvince(raw: string): ProvinceRef | undefined {
  return BY_KEY.get(normaliseProvinceName(raw));
}

/** Looks up a province by its ISO 3166-2 code, exactly as written (e.g. "CD-NK"). */
export function provinceByIso(iso: string): ProvinceRef | undefined {
  return PROVINCES.find((p) => p.iso === iso);
}

/** The DRC's ISO 3166-1 numeric code, its feature id in Natural Earth / world-atlas. */
export const DRC_COUNTRY_ID = '180';
