import { Inject, Injectable } from '@nestjs/common';
import { createHash, createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../../config/config';

export type PublicJwk = { kty: 'OKP'; crv: 'Ed25519'; x: string; kid: string; alg: 'EdDSA'; use: 'sig' };

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

function jwkOf(key: KeyObject): PublicJwk {
  const { x } = key.export({ format: 'jwk' }) as { x: string };
  const thumbprint = b64url(createHash('sha256').update(JSON.stringify({ crv: 'Ed25519', kty: 'OKP', x })).digest());
  return { kty: 'OKP', crv: 'Ed25519', x, kid: thumbprint, alg: 'EdDSA', use: 'sig' };
}

/**
 * Signs credentials as compact JWS (EdDSA over Ed25519, RFC 8037). The public key is published as a
 * JWK set whose key id is the RFC 7638 thumbprint, so anyone verifies offline with a standard library.
 */
@Injectable()
export class CredentialSigner {
  private readonly privateKey: KeyObject;
  /** The current key first, then retired ones: credentials they signed still verify. */
  private readonly publicKeys: { key: KeyObject; jwk: PublicJwk }[];

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.privateKey = createPrivateKey(config.credentialSigningKey);
    this.publicKeys = [createPublicKey(this.privateKey), ...config.credentialRetiredKeys.map((pem) => createPublicKey(pem))].map((key) => ({ key, jwk: jwkOf(key) }));
  }

  get jwk(): PublicJwk {
    return this.publicKeys[0]!.jwk;
  }

  jwks(): { keys: PublicJwk[] } {
    return { keys: this.publicKeys.map((k) => k.jwk) };
  }

  sign(payload: object): string {
    const header = b64url(JSON.stringify({ alg: 'EdDSA', typ: 'JWT', kid: this.jwk.kid }));
    const body = b64url(JSON.stringify(payload));
    const signature = sign(null, Buffer.from(`${header}.${body}`), this.privateKey);
    return `${header}.${body}.${b64url(signature)}`;
  }

  /** The payload when the token is well formed and signed by this platform's key; null otherwise. */
  verify(token: string): Record<string, unknown> | null {
    const parts = token.trim().split('.');
    if (parts.length !== 3) return null;
    const [header, body, signature] = parts as [string, string, string];
    try {
      const h = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: string; kid?: string };
      const signer = this.publicKeys.find((k) => k.jwk.kid === h.kid);
      if (h.alg !== 'EdDSA' || !signer) return null;
      if (!verify(null, Buffer.from(`${header}.${body}`), signer.key, Buffer.from(signature, 'base64url'))) return null;
      const payload: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
      return payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }
}
