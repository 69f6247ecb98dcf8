import type { IncomingMessage } from 'node:http';
import { originAllowed } from './live-io.adapter';

const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('originAllowed', () => {
  const allowlist = ['https://congress.example'];

  it('lets in listed origins, the api host itself, and clients without an Origin', () => {
    expect(originAllowed(request({ origin: 'https://congress.example' }), allowlist)).toBe(true);
    expect(
      originAllowed(request({ origin: 'http://10.0.0.5:3000', host: '10.0.0.5:3000' }), allowlist),
    ).toBe(true);
    expect(originAllowed(request({ host: 'api.example' }), allowlist)).toBe(true);
  });

  it('refuses other sites and malformed origins', () => {
    expect(
      originAllowed(
        request({ origin: 'https://evil.example', host: 'congress.example' }),
        allowlist,
      ),
    ).toBe(false);
    expect(originAllowed(request({ origin: 'null', host: 'congress.example' }), allowlist)).toBe(
      false,
    );
  });
});
