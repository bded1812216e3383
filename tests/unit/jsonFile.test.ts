/** The import size limit: refused before reading, with the file, its size and the limit. */
import { describe, expect, test } from 'vitest';
import { checkImportSize, formatBytes, MAX_IMPORT_BYTES } from '../../src/lib/domain/jsonFile.ts';
import { say } from '../../src/lib/domain/problems.ts';

const sizeProblem = (file: { name: string; size: number }, locale: 'en' | 'fr' = 'en') => {
  const s = checkImportSize(file);
  return s && say(s, locale);
};

describe('checkImportSize', () => {
  test.each([
    { name: 'deck.json', size: 0, expected: null },
    { name: 'deck.json', size: 4_200, expected: null },
    { name: 'plan.json', size: MAX_IMPORT_BYTES, expected: null },
    {
      name: 'plan.json',
      size: 10_100_000,
      expected:
        'Not imported: plan.json is 10.1 MB, over the 10 MB limit for imports. Scenario and slide files are a few kB; check it is the file you exported.',
    },
    {
      name: 'huge.json',
      size: 52_400_000,
      expected:
        'Not imported: huge.json is 52.4 MB, over the 10 MB limit for imports. Scenario and slide files are a few kB; check it is the file you exported.',
    },
  ])('$name, $size bytes → $expected', ({ name, size, expected }) => {
    expect(sizeProblem({ name, size })).toBe(expected);
  });

  test('in French, with French units', () => {
    expect(sizeProblem({ name: 'plan.json', size: 10_100_000 }, 'fr')).toBe(
      `Non importé\u00a0: plan.json pèse ${formatBytes(10_100_000, 'fr')}, au-delà de la limite de ${formatBytes(10_000_000, 'fr')} pour les imports. Les fichiers de scénarios et de diapositives font quelques ko\u202f; vérifiez que c’est bien le fichier exporté.`,
    );
    expect(formatBytes(10_100_000, 'fr')).toMatch(/^10,1\sMo$/);
  });

  test('the limit is 10 MB, and one byte over it is refused', () => {
    expect(MAX_IMPORT_BYTES).toBe(10_000_000);
    expect(sizeProblem({ name: 'a', size: MAX_IMPORT_BYTES + 1 })).toMatch(/^Not imported/);
  });
});

describe('formatBytes', () => {
  test.each([
    { n: 1, expected: '1 byte' },
    { n: 812, expected: '812 bytes' },
    { n: 4_200, expected: '4.2 kB' },
    { n: 10_000_000, expected: '10 MB' },
    { n: 52_400_000, expected: '52.4 MB' },
  ])('$n → $expected', ({ n, expected }) => {
    expect(formatBytes(n)).toBe(expected);
  });

  test.each([
    { n: 1, expected: '1 octet' },
    { n: 812, expected: '812 octets' },
    { n: 4_200, expected: '4,2 ko' },
    { n: 52_400_000, expected: '52,4 Mo' },
  ])('in French: $n → $expected', ({ n, expected }) => {
    expect(formatBytes(n, 'fr').replace(/\s/g, ' ')).toBe(expected);
  });
});
