/**
 * The map's picture as exports and replays take it. The map has no background layer (style.ts),
 * so its canvas is transparent wherever nothing is drawn; the land colour goes underneath here.
 */
import { MAP_BACKGROUND } from '../map/theme.ts';

/** Copies the map canvas onto `ctx` at w×h, over the land colour. Call it inside MapLibre's
 * render event: the drawing buffer is not preserved once the frame is composited. */
export function copyMapPixels(
  ctx: CanvasRenderingContext2D,
  mapCanvas: HTMLCanvasElement,
  w: number,
  h: number,
): void {
  ctx.fillStyle = MAP_BACKGROUND;
  ctx.fillRect(0, 0, w, h);
  ctx.drawImage(mapCanvas, 0, 0, w, h);
}
