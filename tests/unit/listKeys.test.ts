import { describe, expect, test } from 'vitest';
import { listKey, MENU, ROW, type ListAction } from '../../src/lib/domain/listKeys.ts';
import type { KeyPress } from '../../src/lib/domain/keyboard.ts';

const move = (to: number): ListAction => ({ kind: 'move', to });
const close: ListAction = { kind: 'close' };

describe('listKey in a row (the timeline ticks, a grouped tick’s events): the ends stop it', () => {
  test.each<[string, KeyPress, number, number, ListAction | null]>([
    ['→ on', { key: 'ArrowRight' }, 0, 5, move(1)],
    ['↓ on', { key: 'ArrowDown' }, 3, 5, move(4)],
    ['→ at the end stays', { key: 'ArrowRight' }, 4, 5, move(4)],
    ['← back', { key: 'ArrowLeft' }, 2, 5, move(1)],
    ['↑ at the start stays', { key: 'ArrowUp' }, 0, 5, move(0)],
    ['Home', { key: 'Home' }, 3, 5, move(0)],
    ['End', { key: 'End' }, 1, 5, move(4)],
    ['Enter is the button’s own', { key: 'Enter' }, 1, 5, null],
    ['Space is the button’s own', { key: ' ' }, 1, 5, null],
    ['an empty row takes no arrow', { key: 'ArrowRight' }, 0, 0, null],
    ['Shift+→ is the date’s year step', { key: 'ArrowRight', shift: true }, 0, 5, null],
    ['Ctrl+→ is left to the page', { key: 'ArrowRight', ctrl: true }, 0, 5, null],
    ['Alt+Home is left to the page', { key: 'Home', alt: true }, 2, 5, null],
    ['Escape closes', { key: 'Escape' }, 2, 5, close],
    ['Escape closes with no item focused', { key: 'Escape' }, -1, 0, close],
    ['Shift+Escape closes too', { key: 'Escape', shift: true }, 2, 5, close],
  ])('%s', (_, k, index, count, expected) => {
    expect(listKey(k, index, count, ROW)).toEqual(expected);
  });
});

describe('listKey in a menu (the stacked symbols’ chooser): ↑ ↓ go round', () => {
  test.each<[string, KeyPress, number, number, ListAction | null]>([
    ['↓ on', { key: 'ArrowDown' }, 0, 3, move(1)],
    ['↓ at the end goes round to the first', { key: 'ArrowDown' }, 2, 3, move(0)],
    ['↑ at the start goes round to the last', { key: 'ArrowUp' }, 0, 3, move(2)],
    ['↑ back', { key: 'ArrowUp' }, 2, 3, move(1)],
    ['↓ from the close button: the first', { key: 'ArrowDown' }, -1, 3, move(0)],
    ['↑ from the close button: the last', { key: 'ArrowUp' }, -1, 3, move(2)],
    ['→ is no menu’s key', { key: 'ArrowRight' }, 0, 3, null],
    ['← is no menu’s key', { key: 'ArrowLeft' }, 1, 3, null],
    ['Home', { key: 'Home' }, 2, 3, move(0)],
    ['End', { key: 'End' }, 0, 3, move(2)],
    ['Enter is the button’s own', { key: 'Enter' }, 1, 3, null],
    ['Tab is the browser’s', { key: 'Tab' }, 1, 3, null],
    ['Escape closes', { key: 'Escape' }, 1, 3, close],
  ])('%s', (_, k, index, count, expected) => {
    expect(listKey(k, index, count, MENU)).toEqual(expected);
  });
});
