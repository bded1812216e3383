/**
 * An animated replay as WebM: the timeline is stepped month by month between two dates, each
 * drawn frame is copied (inside MapLibre's render event) onto a canvas with the date burned in,
 * and the canvas is encoded in the browser.
 *
 * Where WebCodecs exists (any secure context: https or localhost) mediabunny, loaded only when a
 * replay is recorded, encodes the canvas into a WebM with an explicit timestamp and duration for
 * every frame, so the video's timing does not depend on how fast this machine draws, and the file
 * carries its duration. Elsewhere MediaRecorder records the canvas stream in real time, which on
 * a slow machine can drop frames and writes no duration.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { m } from '../../paraglide/messages.js';
import { addMonths } from '../domain/timeline.ts';
import { copyMapPixels } from './mapPixels.ts';

export interface ReplayOptions {
  map: MapLibreMap;
  from: number;
  to: number;
  msPerMonth: number;
  title: string;
  footer: string;
  /** Moves the app to a day (the timeline's go). */
  goTo: (day: number) => void;
  /** The date in words, in the language of the export (not one switched to while recording). */
  dateText: (day: number) => string;
  onProgress: (done: number, total: number) => void;
  signal: AbortSignal;
}

/** How long the last picture stays on screen, in ms. */
const TAIL_MS = 800;
/** The longest gap between two encoded frames, in ms: players and editors want a steady stream. */
const FRAME_GAP_MS = 100;
/** Bit rate asked of the encoder, in bits a second. */
const BITRATE = 6_000_000;
/** A key frame at least this often, in ms, so the video can be scrubbed. */
const KEY_EVERY_MS = 2000;

/** The WebM type MediaRecorder can record here, or null. */
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

export interface VideoFrameSlot {
  /** Index of the picture (month) this frame shows. */
  picture: number;
  /** Presentation time in ms from the start. */
  ms: number;
  /** How long it stays on screen, in ms: up to the next frame (0 for the closing one). */
  duration: number;
  key: boolean;
}

/**
 * When each encoded frame falls: every picture starts exactly at `i × msPerMonth`, and is
 * repeated every `FRAME_GAP_MS` until the next one; the last stays `TAIL_MS` more.
 */
export function videoSchedule(pictures: number, msPerMonth: number): VideoFrameSlot[] {
  const end = videoLength(pictures, msPerMonth);
  const frames: { picture: number; ms: number }[] = [];
  for (let p = 0; p < pictures; p++) {
    const start = p * msPerMonth;
    const until = p === pictures - 1 ? end : start + msPerMonth;
    for (let k = 0, ms = start; ms < until - 1e-6; ms = start + ++k * FRAME_GAP_MS)
      frames.push({ picture: p, ms: micro(ms) });
  }
  // The header's duration is where the last frame ends, but SimpleBlocks store no duration, so
  // tools that go by the frames alone would stop at the last one's start: a zero-length frame
  // at the very end makes both say the same.
  if (pictures) frames.push({ picture: pictures - 1, ms: micro(end) });
  let lastKey = -Infinity;
  return frames.map(({ picture, ms }, i) => {
    const key = ms - lastKey >= KEY_EVERY_MS;
    if (key) lastKey = ms;
    return { picture, ms, duration: micro((frames[i + 1]?.ms ?? ms) - ms), key };
  });
}

/** Rounded to the microsecond, WebCodecs' unit, so float noise never reaches a timestamp. */
const micro = (ms: number) => Math.round(ms * 1000) / 1000;

/** The video's length in ms for `pictures` months. */
export const videoLength = (pictures: number, msPerMonth: number) =>
  pictures > 0 ? pictures * msPerMonth + TAIL_MS : 0;

/** A canvas the size of the map's, even-sized (video encoders want it), with the date burned in
 * on each picture. */
function frameCanvas(o: ReplayOptions) {
  const src = o.map.getCanvas();
  const canvas = document.createElement('canvas');
  canvas.width = src.width - (src.width % 2);
  canvas.height = src.height - (src.height % 2);
  const ctx = canvas.getContext('2d')!;
  const u = canvas.height / 800;
  /** Moves to `day` and paints its picture onto the canvas. */
  const paint = async (day: number) => {
    o.goTo(day);
    // Let the app apply the date (Svelte effects, deck.gl props) before the frame is drawn.
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    await new Promise<void>((resolve) => {
      // Read inside the render event: the drawing buffer is cleared once it is composited.
      o.map.once('render', () => {
        copyMapPixels(ctx, src, canvas.width, canvas.height);
        burnIn(ctx, canvas, u, o.dateText(day), o.title, o.footer);
        resolve();
      });
      o.map.triggerRepaint();
    });
  };
  return { canvas, ctx, paint };
}

const aborted = () => new DOMException('Recording cancelled', 'AbortError');

/** `p`'s outcome, or an AbortError as soon as `signal` aborts, whichever comes first. */
export function orAbort<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(aborted());
    if (signal.aborted) stop();
    signal.addEventListener('abort', stop, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

/** Records the replay as a WebM: frame by frame where WebCodecs exists, else in real time. */
export async function recordReplay(o: ReplayOptions): Promise<Blob> {
  if (!replayDays(o.from, o.to).length) throw new Error(m.export_error_range());
  if (typeof VideoEncoder !== 'undefined') return encodeReplay(o);
  return recordRealtime(o);
}

/** WebCodecs through mediabunny: every frame at its exact time, as fast as this machine draws. */
async function encodeReplay(o: ReplayOptions): Promise<Blob> {
  // Imported here so that only someone who records a replay downloads it; named, not as a
  // namespace, so that the bundler keeps only these (about 150 kB of its 690).
  const {
    BufferTarget,
    CanvasSource,
    Output,
    Quality,
    WebMOutputFormat,
    getFirstEncodableVideoCodec,
  } = await import('mediabunny');
  const { canvas, paint } = frameCanvas(o);
  const quality = new Quality({ bitrate: BITRATE });
  // VP9 if this browser can encode it at this size, else VP8. mediabunny derives the full codec
  // string (profile, level) from the size, so none is hard-coded here to go stale.
  const codec = await getFirstEncodableVideoCodec(['vp9', 'vp8'], {
    width: canvas.width,
    height: canvas.height,
    quality,
  });
  if (!codec) return recordRealtime(o);

  const output = new Output({
    format: new WebMOutputFormat(),
    target: new BufferTarget(),
  });
  const video = new CanvasSource(canvas, { codec, quality });
  // No frame rate in the track's metadata: mediabunny would snap every timestamp to it, and
  // months start at multiples of msPerMonth, not of FRAME_GAP_MS.
  output.addVideoTrack(video);
  const days = replayDays(o.from, o.to);
  try {
    await output.start();
    let picture = -1;
    for (const slot of videoSchedule(days.length, o.msPerMonth)) {
      if (o.signal.aborted) throw aborted();
      if (slot.picture !== picture) {
        picture = slot.picture;
        await paint(days[picture]!);
        o.onProgress(picture + 1, days.length);
      }
      // add() copies the canvas at once but settles only when the encoder and the muxer can take
      // another frame: awaiting it keeps memory bounded. The race lets Cancel work even if a
      // failed encoder never settles it.
      const add = video.add(slot.ms / 1000, slot.duration / 1000, { keyFrame: slot.key });
      await orAbort(add, o.signal);
    }
    await output.finalize();
    return new Blob([output.target.buffer!], { type: 'video/webm' });
  } finally {
    // After a failure or a cancel, closes the encoder; nothing to do once finalized.
    if (output.state !== 'finalized') await output.cancel();
  }
}

/** MediaRecorder on a canvas stream, in real time: one month every `msPerMonth`. */
async function recordRealtime(o: ReplayOptions): Promise<Blob> {
  const type = webmType();
  if (!type) throw new Error(m.export_error_no_webm());
  const { canvas, ctx, paint } = frameCanvas(o);
  const stream = canvas.captureStream(0);
  const track = stream.getVideoTracks()[0] as CanvasCaptureMediaStreamTrack;
  const recorder = new MediaRecorder(stream, { mimeType: type, videoBitsPerSecond: BITRATE });
  const chunks: Blob[] = [];
  let bytes = 0;
  recorder.ondataavailable = (e) => {
    if (e.data.size) chunks.push(e.data);
    bytes += e.data.size;
  };
  const stopped = new Promise<void>((r) => (recorder.onstop = () => r()));
  const days = replayDays(o.from, o.to);

  /** Keeps the current picture on screen for `ms`, with a frame every FRAME_GAP_MS. */
  const hold = async (ms: number) => {
    const end = performance.now() + ms;
    while (performance.now() < end && !o.signal.aborted) {
      // An unchanged canvas yields no new frame: touch one pixel (invisibly) first.
      ctx.fillStyle = 'rgba(0,0,0,0)';
      ctx.fillRect(0, 0, 1, 1);
      track.requestFrame();
      await sleep(Math.min(FRAME_GAP_MS, end - performance.now()));
    }
  };

  // Data every 250 ms, so the warm-up below can see the encoder working.
  recorder.start(250);
  try {
    // The encoder starts slowly (over a second on a busy machine) and drops the frames it gets
    // before: feed it the first picture until it yields more than a file header.
    await paint(days[0]!);
    const t0 = performance.now();
    while (bytes < 1000 && performance.now() - t0 < 10_000 && !o.signal.aborted) await hold(100);
    for (const [i, day] of days.entries()) {
      if (o.signal.aborted) throw aborted();
      const t0 = performance.now();
      await paint(day);
      track.requestFrame();
      o.onProgress(i + 1, days.length);
      await hold(o.msPerMonth - (performance.now() - t0));
    }
    await hold(TAIL_MS);
    track.requestFrame();
  } finally {
    recorder.stop();
    await stopped;
    track.stop();
  }
  if (o.signal.aborted) throw aborted();
  return new Blob(chunks, { type: 'video/webm' });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

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
