/**
 * An animated replay as WebM: the timeline is stepped month by month between two dates, each
 * drawn frame is copied (inside MapLibre's render event) onto a recording canvas with the date
 * burned in, and MediaRecorder encodes the canvas stream in the browser. Recording runs in
 * real time, one month per `msPerMonth`, so the video plays at the chosen speed.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { addMonths } from '../domain/timeline.ts';

export interface ReplayOptions {
  map: MapLibreMap;
  from: number;
  to: number;
  msPerMonth: number;
  title: string;
  footer: string;
  /** Moves the app to a day (the timeline's go). */
  goTo: (day: number) => void;
  dateText: (day: number) => string;
  onProgress: (done: number, total: number) => void;
  signal: AbortSignal;
}

/** The WebM type this browser can record, or null. */
export function webmType(): string | null {
  if (typeof MediaRecorder === 'undefined') return null;
  return (
    ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'].find((t) =>
      MediaRecorder.isTypeSupported(t),
    ) ?? null
  );
}

/** The days of the replay: `from`, then each month to `to` (included). */
export function replayDays(from: number, to: number): number[] {
  const days: number[] = [];
  // Each month from the start, not from the previous one: 31 Jan, 28 Feb, 31 Mar.
  for (let i = 0, d = from; d <= to && i < 1200; d = addMonths(from, ++i)) days.push(d);
  if (days[days.length - 1] !== to && to > from) days.push(to);
  return days;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

export async function recordReplay(o: ReplayOptions): Promise<Blob> {
  const type = webmType();
  if (!type) throw new Error('this browser cannot record WebM video (no MediaRecorder)');
  const src = o.map.getCanvas();
  const canvas = document.createElement('canvas');
  // Even sizes: video encoders want them.
  canvas.width = src.width - (src.width % 2);
  canvas.height = src.height - (src.height % 2);
  const ctx = canvas.getContext('2d')!;
  const stream = canvas.captureStream(0);
  const track = stream.getVideoTracks()[0] as CanvasCaptureMediaStreamTrack;
  const recorder = new MediaRecorder(stream, { mimeType: type, videoBitsPerSecond: 6_000_000 });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => e.data.size && chunks.push(e.data);
  const stopped = new Promise<void>((r) => (recorder.onstop = () => r()));
  const days = replayDays(o.from, o.to);
  const u = canvas.height / 800;

  const frame = (day: number) =>
    new Promise<void>((resolve) => {
      o.map.once('render', () => {
        ctx.drawImage(src, 0, 0, canvas.width, canvas.height);
        burnIn(ctx, canvas, u, o.dateText(day), o.title, o.footer);
        track.requestFrame();
        resolve();
      });
      o.map.triggerRepaint();
    });

  /** Keeps the current picture on screen for `ms`, with a frame every 100 ms: players want a
   * steady stream, and the file's length comes from its last frame's time. */
  const hold = async (ms: number) => {
    const end = performance.now() + ms;
    while (performance.now() < end && !o.signal.aborted) {
      // An unchanged canvas yields no new frame: touch one pixel (invisibly) first.
      ctx.fillStyle = 'rgba(0,0,0,0)';
      ctx.fillRect(0, 0, 1, 1);
      track.requestFrame();
      await sleep(Math.min(100, end - performance.now()));
    }
  };

  recorder.start();
  try {
    for (const [i, day] of days.entries()) {
      if (o.signal.aborted) throw new DOMException('Recording cancelled', 'AbortError');
      const t0 = performance.now();
      o.goTo(day);
      // Let the app apply the date (Svelte effects, deck.gl props) before the frame is drawn.
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      await frame(day);
      o.onProgress(i + 1, days.length);
      await hold(o.msPerMonth - (performance.now() - t0));
    }
    await hold(800); // the last picture stays a moment
    track.requestFrame();
  } finally {
    recorder.stop();
    await stopped;
    track.stop();
  }
  if (o.signal.aborted) throw new DOMException('Recording cancelled', 'AbortError');
  return new Blob(chunks, { type: 'video/webm' });
}

function burnIn(
  ctx: CanvasRenderingContext2D,
  c: HTMLCanvasElement,
  u: number,
  date: string,
  title: string,
  footer: string,
) {
  const pad = 16 * u;
  ctx.save();
  ctx.textBaseline = 'top';
  ctx.font = `700 ${Math.round(22 * u)}px "Noto Sans", sans-serif`;
  const tw = ctx.measureText(title).width;
  ctx.fillStyle = 'rgba(255,255,255,0.9)';
  ctx.fillRect(pad, pad, tw + 2 * pad, 40 * u);
  ctx.fillStyle = '#1d1b18';
  ctx.fillText(title, 2 * pad, pad + 8 * u);
  ctx.font = `700 ${Math.round(52 * u)}px "Noto Sans", sans-serif`;
  const dw = ctx.measureText(date).width;
  ctx.fillStyle = 'rgba(255,255,255,0.92)';
  ctx.fillRect(pad, c.height - 120 * u, dw + 2 * pad, 76 * u);
  ctx.fillStyle = '#1d1b18';
  ctx.fillText(date, 2 * pad, c.height - 112 * u);
  ctx.font = `400 ${Math.round(13 * u)}px "Noto Sans", sans-serif`;
  ctx.fillStyle = 'rgba(255,255,255,0.9)';
  ctx.fillRect(0, c.height - 26 * u, c.width, 26 * u);
  ctx.fillStyle = '#3d3a35';
  ctx.fillText(footer, pad, c.height - 20 * u, c.width - 2 * pad);
  ctx.restore();
}
