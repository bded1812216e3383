/**
 * The current date and playback. Steps move by whole months and keep the day of the month,
 * so day-precise dates (a handover on the 28th) stay meaningful while the slider moves in months.
 */
import { createContext, untrack } from 'svelte';
import { addMonths, clampDay, stepTowards, TIMELINE_START } from '../domain/timeline.ts';

/** Milliseconds per month at 1× speed: 84 months of drawdown replay in about 50 s. */
export const MS_PER_MONTH = 600;
export const SPEEDS = [0.5, 1, 2, 4] as const;

export class TimelineState {
  day = $state(TIMELINE_START);
  min = $state(TIMELINE_START);
  max = $state(TIMELINE_START);
  playing = $state(false);
  speed = $state<number>(1);
  loop = $state(false);
  /**
   * The day the polite live region says after a step, or null (during playback). A day, not
   * words: the panel words it in the interface's language, which may change after the step.
   */
  announced = $state<number | null>(null);
  /** Where playback stops (a slide that plays to a date, earlier or later), or null for the end. */
  until = $state<number | null>(null);
  #timer: ReturnType<typeof setInterval> | undefined;

  /**
   * Sets the span of the data; the current day is kept inside it. A day at the end stays at the
   * end: imported events that run past the bundled data extend the span, and a reader looking
   * at "now" still is.
   */
  setRange(min: number, max: number): void {
    // Not dependencies of the effect that calls this: it would run again on every step.
    const [day, atEnd] = untrack(() => [this.day, this.day === this.max && this.max > this.min]);
    this.min = min;
    this.max = max;
    this.day = clampDay(atEnd ? max : day, min, max);
  }

  /** Goes to a day (clamped), announcing it unless playing. */
  go(day: number, announce = true): void {
    this.day = clampDay(day, this.min, this.max);
    this.announced = announce && !this.playing ? this.day : null;
  }

  /** Steps by months (negative goes back). */
  step(months: number): void {
    this.go(addMonths(this.day, months));
  }

  play(): void {
    if (this.playing) return;
    if (this.day >= this.max) this.day = this.min;
    this.playing = true;
    this.announced = null;
    this.#schedule();
  }

  /**
   * Plays from the current day to `day`, then stops there: backwards, a month a tick, if `day`
   * is earlier (a slide that plays back to a date). `play` itself only goes forwards.
   */
  playTo(day: number): void {
    this.pause();
    this.until = clampDay(day, this.min, this.max);
    if (this.until === this.day) {
      this.until = null;
      return;
    }
    this.playing = true;
    this.announced = null;
    this.#schedule();
  }

  pause(): void {
    this.until = null;
    this.playing = false;
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  setSpeed(speed: number): void {
    this.speed = speed;
    if (this.playing) this.#schedule();
  }

  #schedule(): void {
    clearInterval(this.#timer);
    this.#timer = setInterval(() => this.#tick(), MS_PER_MONTH / this.speed);
  }

  #tick(): void {
    if (this.until !== null) {
      const { day, stop } = stepTowards(this.day, this.until);
      this.day = day;
      if (stop) this.pause();
      return;
    }
    const next = addMonths(this.day, 1);
    if (next <= this.max) this.day = next;
    else if (this.loop) this.day = this.min;
    else {
      this.day = this.max;
      this.pause();
    }
  }
}

const [get, set] = createContext<TimelineState>();

/** Creates the timeline state for this tree. Call once, in App. */
export function prepareTimelineState(): TimelineState {
  return set(new TimelineState());
}

/** The timeline state of the enclosing tree. */
export const getTimelineState = get;
