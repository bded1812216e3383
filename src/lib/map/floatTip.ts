/**
 * Puts a floating box where placeTip.ts says, measured as it is drawn: inside the window and
 * above the credits line (MapLibre's attribution strip at the bottom of the map).
 */
import { placeTip, type Point, type Rect } from '../domain/placeTip.ts';

/** The top of the credits line in window pixels: the attribution's, else the map's bottom. */
export function creditsTop(): number {
  const credits = document.querySelector('.maplibregl-ctrl-attrib')?.getBoundingClientRect();
  if (credits && credits.height > 0) return credits.top;
  const map = document.querySelector('.maplibregl-map')?.getBoundingClientRect();
  return map && map.height > 0 ? map.bottom : window.innerHeight;
}

/** The panels over the map (App.svelte's columns' children), which a tooltip must not go under. */
export function panelBoxes(): Rect[] {
  return [...document.querySelectorAll('[data-over-map=column] > *')]
    .map((e) => e.getBoundingClientRect())
    .filter((b) => b.width > 0 && b.height > 0);
}

/**
 * Moves `el` (absolutely positioned, with left and top in pixels) to its place for `anchor`,
 * a point in window pixels. Its containing block's corner is read from where it stands now,
 * so any positioned or transformed ancestor may hold it.
 */
export function floatAt(el: HTMLElement, anchor: Point, side: 'pointer' | 'above'): void {
  const box = el.getBoundingClientRect();
  const originX = box.left - (parseFloat(el.style.left) || 0);
  const originY = box.top - (parseFloat(el.style.top) || 0);
  const at = placeTip({
    anchor,
    size: { width: box.width, height: box.height },
    viewport: { width: window.innerWidth, height: window.innerHeight },
    floor: creditsTop(),
    side,
    avoid: side === 'pointer' ? panelBoxes() : [],
  });
  el.style.left = `${at.left - originX}px`;
  el.style.top = `${at.top - originY}px`;
}

/** The point a box above a mark belongs to: the middle of the mark's top edge. */
export function topOf(el: Element): Point {
  const r = el.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top };
}
