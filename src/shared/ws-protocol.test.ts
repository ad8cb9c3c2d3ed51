import { describe, expect, it } from 'vitest';
import { isTokenShaped, tokensOffered, wsProtocols } from './ws-protocol';

describe('the token as a socket subprotocol', () => {
  it('offers ours first and the token second, only when the token can be sent at all', () => {
    expect(wsProtocols('Ab0-_z')).toEqual(['dossier.v1', 'dossier.token.Ab0-_z']);
    expect(wsProtocols(null)).toEqual(['dossier.v1']);
    // A browser throws on a subprotocol with a space, comma or other separator.
    for (const bad of ['', 'a b', 'a,b', 'a;b', 'a=b', 'ü', 'x'.repeat(257)]) expect(wsProtocols(bad)).toEqual(['dossier.v1']);
    expect(isTokenShaped('x'.repeat(43))).toBe(true);
    expect(isTokenShaped(42)).toBe(false);
  });

  it('reads the tokens back from a Sec-WebSocket-Protocol header', () => {
    expect(tokensOffered('dossier.v1, dossier.token.abc')).toEqual(['abc']);
    expect(tokensOffered('dossier.token.a,dossier.token.b')).toEqual(['a', 'b']);
    expect(tokensOffered('dossier.v1')).toEqual([]);
    expect(tokensOffered(undefined)).toEqual([]);
  });
});
