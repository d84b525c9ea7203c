import { describe, expect, it } from 'vitest';
import { connectionLimits, DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_CONNECTIONS_PER_CLIENT } from './connection-policy';

describe('connection limits', () => {
  it('are the defaults when the environment says nothing', () => {
    expect(connectionLimits({})).toEqual({
      perClient: DEFAULT_MAX_CONNECTIONS_PER_CLIENT,
      total: DEFAULT_MAX_CONNECTIONS,
    });
  });

  it('take MAX_CONNECTIONS_PER_CLIENT=0 behind a proxy as no per-client limit', () => {
    expect(connectionLimits({ MAX_CONNECTIONS_PER_CLIENT: '0', MAX_CONNECTIONS: '500' })).toEqual({
      perClient: 0,
      total: 500,
    });
  });

  it('refuse a value that is not a whole number, naming the variable', () => {
    expect(() => connectionLimits({ MAX_CONNECTIONS_PER_CLIENT: 'many' })).toThrow(/MAX_CONNECTIONS_PER_CLIENT/u);
    expect(() => connectionLimits({ MAX_CONNECTIONS: '-1' })).toThrow(/MAX_CONNECTIONS must be/u);
  });
});
