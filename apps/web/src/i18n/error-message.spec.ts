import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../api/api-error';
import { de } from './de';
import { en } from './en';
import { describeError } from './error-message';

describe('describeError', () => {
  it('asks to try again after the hinted wait when the server is busy', () => {
    const busy = new ApiError(503, 'BUSY', 'The server is busy; try again in a moment', [], 2000);
    expect(describeError(busy, de)).toBe(
      'Gerade ist sehr viel los. Bitte versuchen Sie es in 2 Sekunden noch einmal.',
    );
    expect(describeError(busy, en)).toBe(
      'It is very busy right now. Please try again in 2 seconds.',
    );
  });

  it('asks to try again after the hinted wait when a service is unreachable', () => {
    const away = new ApiError(503, 'SERVICE_UNAVAILABLE', 'cannot be reached', [], 3000);
    expect(describeError(away, de)).toBe(
      'Der Dienst ist gerade nicht erreichbar. Bitte versuchen Sie es in 3 Sekunden noch einmal.',
    );
    expect(describeError(away, en)).toBe(
      'The service cannot be reached right now. Please try again in 3 seconds.',
    );
  });
});
