import { describe, expect, it } from '@jest/globals';
import { arrangeStage } from './stage-layout';

const camera = (identity: string) => ({ identity, screen: false, key: `${identity}:cam` });
const screen = (identity: string) => ({ identity, screen: true, key: `${identity}:screen` });
const keys = (tiles: Array<{ key: string }>) => tiles.map((t) => t.key);

describe('arrangeStage', () => {
  it('shows a shared screen large and the cameras beside it', () => {
    const { main, others } = arrangeStage([camera('anna'), camera('ben'), screen('ben')], []);
    expect(main?.key).toBe('ben:screen');
    expect(keys(others)).toEqual(['anna:cam', 'ben:cam']);
  });

  it('puts the active speakers first, loudest first, and keeps the rest in their order', () => {
    const { main, others } = arrangeStage(
      [camera('anna'), camera('ben'), camera('cem'), camera('dora')],
      ['dora', 'ben'],
    );
    expect(main).toBeNull();
    expect(keys(others)).toEqual(['dora:cam', 'ben:cam', 'anna:cam', 'cem:cam']);
  });

  it('of two shared screens shows the one of the person speaking', () => {
    const { main, others } = arrangeStage([screen('anna'), screen('ben'), camera('ben')], ['ben']);
    expect(main?.key).toBe('ben:screen');
    expect(keys(others)).toEqual(['ben:cam', 'anna:screen']);
  });

  it('has nothing to show on an empty stage', () => {
    expect(arrangeStage([], ['anna'])).toEqual({ main: null, others: [] });
  });
});
