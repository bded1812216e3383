/**
 * The data's vocabularies in words: one registry per vocabulary, mapping each CSV word to its
 * message. The registries hold message functions, not text: call one where its word is shown
 * (`CLOSURE_LABEL[s.closure]()`), so it follows the interface's language with no reload. Site
 * kinds have theirs in siteKinds.ts (`siteKind(k).label`), a date's precision is said by
 * formatFuzzyDate.ts, and the plans' short names are PLAN_SHORT (map/theme.ts).
 */
import { m } from '../../paraglide/messages.js';
import type { Closure, Confidence, EventKind, PhaseStatus, Plan } from './schema.ts';
import type { Locale } from './locales.ts';
import type { ProvincePhase } from './timeline.ts';

/** A word of the interface: a message, in the current language or the one `options` names. */
export type Word = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;
type Words<K extends string> = Readonly<Record<K, Word>>;

/** How a site ended (the sites' `closure`). */
export const CLOSURE_LABEL: Words<Closure> = {
  closed: m.vocab_closure_closed,
  handed_over_fardc: m.vocab_closure_handed_over_fardc,
  handed_over_pnc: m.vocab_closure_handed_over_pnc,
  withdrawn: m.vocab_closure_withdrawn,
  lost: m.vocab_closure_lost,
  last_seen: m.vocab_closure_last_seen,
};

/** The plans in full (legends, the plan menu, exports). */
export const PLAN_NAME: Words<Plan> = {
  joint_strategy_2020: m.vocab_plan_joint_strategy_2020,
  disengagement_plan_2023: m.vocab_plan_disengagement_plan_2023,
  actual: m.vocab_plan_actual,
};

/** A province's phase on a plan at a date (the map's tints). */
export const PROVINCE_PHASE_LABEL: Words<ProvincePhase> = {
  active: m.vocab_phase_active,
  drawing_down: m.vocab_phase_drawing_down,
  withdrawn: m.vocab_phase_withdrawn,
};

/** A phase's status, lower case to run in a sentence (a phase is feminine in French). */
export const PHASE_STATUS_LABEL: Words<PhaseStatus> = {
  planned: m.phase_status_planned,
  completed: m.phase_status_completed,
  paused: m.phase_status_paused,
  undetermined: m.phase_status_undetermined,
};

/** How far a record's source is trusted, lower case (feminine in French: "la fiabilité"). */
export const CONFIDENCE_LABEL: Words<Confidence> = {
  high: m.vocab_confidence_high,
  medium: m.vocab_confidence_medium,
  low: m.vocab_confidence_low,
};

/** A hotspot's intensity on the scale of README "Hotspot intensity", lower case. */
export const INTENSITY_LABEL: Words<'1' | '2' | '3' | 'none'> = {
  '1': m.vocab_intensity_1,
  '2': m.vocab_intensity_2,
  '3': m.vocab_intensity_3,
  none: m.vocab_intensity_none,
};

/** The words of a hotspot's intensity, or of its absence. */
export const intensityWord = (i: 1 | 2 | 3 | null): Word =>
  INTENSITY_LABEL[i === null ? 'none' : (`${i}` as '1' | '2' | '3')];

/** What kind of event a dated event is. */
export const EVENT_KIND_LABEL: Words<EventKind> = {
  closure: m.vocab_event_closure,
  handover: m.vocab_event_handover,
  resolution: m.vocab_event_resolution,
  armed_group: m.vocab_event_armed_group,
  protest: m.vocab_event_protest,
  plan: m.vocab_event_plan,
  agreement: m.vocab_event_agreement,
  deployment: m.vocab_event_deployment,
  other: m.vocab_event_other,
};
