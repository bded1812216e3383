/**
 * The callouts an export draws: those the map shows now (PresentState.callouts), handed over
 * here so the PNG compose (snapshot.ts) finds them without every export dialog passing them.
 */
import type { Callout } from '../domain/slideDeck.ts';

let source: () => readonly Callout[] = () => [];

/** Sets where the shown callouts come from; returns the means to unset it. */
export function provideShownCallouts(f: () => readonly Callout[]): () => void {
  source = f;
  return () => {
    if (source === f) source = () => [];
  };
}

/** The callouts the map shows now. */
export const shownCallouts = (): readonly Callout[] => source();
