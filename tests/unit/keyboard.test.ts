import { describe, expect, test } from 'vitest';
import {
  keepsKey,
  mapAction,
  PAN_STEP,
  timelineAction,
  type Focused,
} from '../../src/lib/domain/keyboard.ts';

describe('timelineAction', () => {
  test.each([
    [{ key: 'ArrowRight' }, { kind: 'step', months: 1 }],
    [{ key: 'ArrowLeft' }, { kind: 'step', months: -1 }],
    [
      { key: 'ArrowRight', shift: true },
      { kind: 'step', months: 12 },
    ],
    [
      { key: 'ArrowLeft', shift: true },
      { kind: 'step', months: -12 },
    ],
    [{ key: 'Home' }, { kind: 'start' }],
    [{ key: 'End' }, { kind: 'end' }],
    [{ key: ' ' }, { kind: 'toggle' }],
    [{ key: ' ', shift: true }, null],
    [{ key: 'ArrowUp' }, null],
    [{ key: 'ArrowRight', ctrl: true }, null],
    [{ key: 'ArrowLeft', alt: true }, null],
    [{ key: 'ArrowRight', meta: true }, null],
    [{ key: 'a' }, null],
  ])('%o → %o', (k, want) => expect(timelineAction(k)).toEqual(want));
});

describe('keepsKey: which focused elements keep which keys', () => {
  const button: Focused = { tag: 'BUTTON' };
  const checkbox: Focused = { tag: 'INPUT', type: 'checkbox' };
  const select: Focused = { tag: 'SELECT' };
  const text: Focused = { tag: 'INPUT', type: 'text' };
  const number: Focused = { tag: 'INPUT', type: 'number' };
  const range: Focused = { tag: 'INPUT', type: 'range' };
  const radio: Focused = { tag: 'INPUT', type: 'radio' };
  const canvas: Focused = { tag: 'CANVAS' };
  const body: Focused = { tag: 'BODY' };
  test.each([
    // After a click on Pause, a checkbox, the map or the plan menu, → is the date's.
    [button, 'ArrowRight', false],
    [button, 'Home', false],
    [button, ' ', true],
    [button, 'Enter', true],
    [checkbox, 'ArrowRight', false],
    [checkbox, ' ', true],
    [canvas, 'ArrowRight', false],
    [canvas, ' ', false],
    [body, 'End', false],
    [select, 'ArrowRight', false],
    [select, 'ArrowLeft', false],
    [select, 'ArrowDown', true],
    [select, 'Home', true],
    [select, ' ', true],
    [{ tag: 'A' }, 'ArrowLeft', false],
    [{ tag: 'SUMMARY' }, ' ', true],
    [{ tag: 'DIV', role: 'button' }, 'ArrowRight', false],
    // Text, sliders, radios and dialogs keep what they need.
    [text, 'ArrowRight', true],
    [text, ' ', true],
    [number, 'Home', true],
    [{ tag: 'INPUT' }, 'ArrowLeft', true],
    [{ tag: 'TEXTAREA' }, 'ArrowLeft', true],
    [{ tag: 'DIV', editable: true }, ' ', true],
    [range, 'ArrowRight', true],
    [range, 'End', true],
    [radio, 'ArrowRight', true],
    [radio, 'Home', false],
    [{ tag: 'DIV', role: 'slider' }, 'ArrowLeft', true],
    [{ tag: 'BUTTON', role: 'tab' }, 'ArrowRight', true],
    [{ tag: 'BUTTON', inDialog: true }, 'ArrowRight', true],
  ])('%o keeps %j: %s', (f, key, want) => expect(keepsKey(f, key)).toBe(want));
});

describe('mapAction', () => {
  test.each([
    [{ key: 'ArrowRight' }, null],
    [
      { key: 'ArrowRight', ctrl: true },
      { kind: 'pan', x: PAN_STEP, y: 0 },
    ],
    [
      { key: 'ArrowLeft', alt: true },
      { kind: 'pan', x: -PAN_STEP, y: 0 },
    ],
    [
      { key: 'ArrowUp', ctrl: true },
      { kind: 'pan', x: 0, y: -PAN_STEP },
    ],
    [
      { key: 'ArrowDown', ctrl: true, shift: true },
      { kind: 'pan', x: 0, y: 3 * PAN_STEP },
    ],
    [{ key: 'ArrowRight', meta: true }, null],
    [{ key: '+' }, { kind: 'zoom', by: 1 }],
    [{ key: '=' }, { kind: 'zoom', by: 1 }],
    [{ key: '-' }, { kind: 'zoom', by: -1 }],
    // Ctrl and + is the browser's own zoom of the page.
    [{ key: '+', ctrl: true }, null],
    [{ key: 'a', ctrl: true }, null],
  ])('%o → %o', (k, want) => expect(mapAction(k)).toEqual(want));
});
