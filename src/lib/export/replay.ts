/**
 * An animated replay as WebM: the timeline is stepped month by month between two dates, each
 * drawn frame is copied (inside MapLibre's render event) onto a canvas with the date burned in,
 * and the canvas is encoded in the browser.
 *
 * Where WebCodecs exists (any secure context: https or localhost) frames are encoded with
 * explicit timestamps and muxed by webm-muxer, so the video's timing does not depend on how fast
 * this machine draws, and the file carries its duration. Elsewhere MediaRecorder records the
 * canvas stream in real time, which on a slow machine can drop frames and writes no duration.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
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
  dateText: (day: number) => string;
  onProgress: (done: number, total: number) => void;
  signal: AbortSignal;
}

/** How long the last picture stays on screen, in ms. */
const TAIL_MS = 800;
/** The longest gap between two encoded frames, in ms: players and editors want a steady stream. */
const FRAME_GAP_MS = 100;
/** Frames a second that FRAME_GAP_MS gives, and the bit rate asked of the encoder. */
const FPS = 1000 / FRAME_GAP_MS;
const BITRATE = 6_000_000;
/** A key frame at least this often, in ms, so the video can be scrubbed. */
const KEY_EVERY_MS = 2000;

/** Codecs to try, best first, with their Matroska ids. */
const CODECS = [
  { codec: 'vp09.00.50.08', mux: 'V_VP9' },
  { codec: 'vp8', mux: 'V_VP8' },
] as const;

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
  key: boolean;
}

/**
 * When each encoded frame falls: every picture starts exactly at `i × msPerMonth`, and is
 * repeated every `FRAME_GAP_MS` until the next one; the last stays `TAIL_MS` more.
 */
export function videoSchedule(pictures: number, msPerMonth: number): VideoFrameSlot[] {
  const slots: VideoFrameSlot[] = [];
  let lastKey = -Infinity;
  for (let p = 0; p < pictures; p++) {
    const last = p === pictures - 1;
    const start = p * msPerMonth;
    const end = start + msPerMonth + (last ? TAIL_MS : 0);
    const times: number[] = [];
    for (let k = 0; start + k * FRAME_GAP_MS < end - 1e-6; k++)
      times.push(start + k * FRAME_GAP_MS);
    // A WebM's duration is its last frame's time: the last picture gets one at the very end.
    if (last) times.push(end);
    for (const ms of times) {
      const key = ms - lastKey >= KEY_EVERY_MS;
      if (key) lastKey = ms;
      slots.push({ picture: p, ms: Math.round(ms * 1000) / 1000, key });
    }
  }
  return slots;
}

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

export async function recordReplay(o: ReplayOptions): Promise<Blob> {
  if (!replayDays(o.from, o.to).length) throw new Error('the start date is after the end date');
  if (typeof VideoEncoder !== 'undefined') return encodeReplay(o);
  return recordRealtime(o);
}

/** WebCodecs: frames encoded with exact timestamps, as fast as the machine can draw them. */
async function encodeReplay(o: ReplayOptions): Promise<Blob> {
  const { Muxer, ArrayBufferTarget } = await import('webm-muxer');
  const { canvas, paint } = frameCanvas(o);
  const { width, height } = canvas;
  let chosen: (typeof CODECS)[number] | undefined;
  for (const c of CODECS) {
    const probe = { codec: c.codec, width, height, bitrate: BITRATE, framerate: FPS };
    if ((await VideoEncoder.isConfigSupported(probe).catch(() => null))?.supported) {
      chosen = c;
      break;
    }
  }
  if (!chosen) return recordRealtime(o);

  const target = new ArrayBufferTarget();
  const muxer = new Muxer({
    target,
    video: { codec: chosen.mux, width, height, frameRate: FPS },
    firstTimestampBehavior: 'offset',
  });
  let failure: unknown = null;
  const encoder = new VideoEncoder({
    output: (chunk, meta) => muxer.addVideoChunk(chunk, meta),
    error: (e) => (failure = e),
  });
  encoder.configure({ codec: chosen.codec, width, height, bitrate: BITRATE, framerate: FPS });

  const days = replayDays(o.from, o.to);
  const slots = videoSchedule(days.length, o.msPerMonth);
  let frame: VideoFrame | null = null;
  try {
    let picture = -1;
    for (const slot of slots) {
      if (o.signal.aborted) throw aborted();
      if (failure) throw failure;
      if (slot.picture !== picture) {
        picture = slot.picture;
        await paint(days[picture]!);
        frame?.close();
        frame = new VideoFrame(canvas, { timestamp: 0 });
        o.onProgress(picture + 1, days.length);
      }
      // The same picture again, at its own time (µs).
      const timed = new VideoFrame(frame!, { timestamp: Math.round(slot.ms * 1000) });
      encoder.encode(timed, { keyFrame: slot.key });
      timed.close();
      // Back-pressure: do not queue more frames than the encoder can take. The timeout keeps
      // a failed encoder (which sends no more events) from hanging the loop.
      while (encoder.encodeQueueSize > 2 && !failure)
        await Promise.race([
          new Promise((r) => encoder.addEventListener('dequeue', r, { once: true })),
          sleep(250),
        ]);
    }
    await encoder.flush();
    if (failure) throw failure;
    muxer.finalize();
    return new Blob([target.buffer], { type: 'video/webm' });
  } finally {
    frame?.close();
    if (encoder.state !== 'closed') encoder.close();
  }
}

/** MediaRecorder on a canvas stream, in real time: one month every `msPerMonth`. */
async function recordRealtime(o: ReplayOptions): Promise<Blob> {
  const type = webmType();
  if (!type) throw new Error('this browser cannot record WebM video');
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
