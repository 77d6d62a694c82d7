import { describe, expect, it } from 'vitest';
import { parseSearchInput } from '../../main/core/search/parse';

describe('parseSearchInput', () => {
  it.each([
    ['#123', { kind: 'id', id: 123 }],
    ['123', { kind: 'id', id: 123 }],
    ['  #7  ', { kind: 'id', id: 7 }],
    ['\t42\n', { kind: 'id', id: 42 }],
    ['', { kind: 'empty' }],
    ['   ', { kind: 'empty' }],
    ['#', { kind: 'empty' }],
    ['#0', { kind: 'text', text: '#0' }],
    ['# 12', { kind: 'text', text: '# 12' }],
    ['12 bugs', { kind: 'text', text: '12 bugs' }],
    ['PROJ-42', { kind: 'text', text: 'PROJ-42' }],
    ['  login bug ', { kind: 'text', text: 'login bug' }],
    ['99999999999999999999', { kind: 'text', text: '99999999999999999999' }],
  ])('%j → %j', (input, expected) => {
    expect(parseSearchInput(input)).toEqual(expected);
  });
});
