import { readUnsubscribeToken, unsubscribeToken } from './unsubscribe-token';

const user = '6d1f3c52-8a3e-4a49-9c55-0c9e7a1e2b11';
const event = '0b7a2c1e-5f44-4f0a-9e51-3e2d1c0b9a88';

describe('unsubscribe tokens', () => {
  it('round-trips the person and the event', () => {
    expect(readUnsubscribeToken('s', unsubscribeToken('s', user, event))).toEqual({
      userId: user,
      eventId: event,
    });
  });

  it('rejects another secret and a token altered for someone else', () => {
    const token = unsubscribeToken('s', user, event);
    expect(readUnsubscribeToken('other', token)).toBeNull();
    const forged = `${Buffer.from(`${event}.${event}`).toString('base64url')}.${token.split('.')[1]}`;
    expect(readUnsubscribeToken('s', forged)).toBeNull();
    expect(readUnsubscribeToken('s', 'garbage')).toBeNull();
  });
});
