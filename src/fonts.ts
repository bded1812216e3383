/**
 * Self-hosted Noto Sans (OFL), Latin subsets only: enough for French and English names.
 * MapLibre draws label glyphs on a canvas, which does not wait for web fonts, so the faces
 * must be loaded before the map asks for its first glyph.
 */
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-sans/latin-400-italic.css';
import '@fontsource/noto-sans/latin-ext-400.css';
import '@fontsource/noto-sans/latin-ext-700.css';

const SAMPLE = 'Équateur Kasaï Bas-Uele Lac Moeru';

/** Resolves once every face the map uses is ready (or failed: labels then fall back). */
export async function loadFonts(): Promise<void> {
  await Promise.allSettled([
    document.fonts.load(`400 16px "Noto Sans"`, SAMPLE),
    document.fonts.load(`700 16px "Noto Sans"`, SAMPLE),
    document.fonts.load(`italic 400 16px "Noto Sans"`, SAMPLE),
  ]);
}
