import { createLocalJWKSet, jwtVerify } from 'jose';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import type { AppConfig } from '../../../config/config';
import { CredentialSigner } from './credential-signer';

const pem = () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const publicPem = (privatePem: string) => createPublicKey(privatePem).export({ type: 'spki', format: 'pem' }).toString();
const signer = (key: string, retired: string[] = []) => new CredentialSigner({ credentialSigningKey: key, credentialRetiredKeys: retired } as AppConfig);

describe('CredentialSigner', () => {
  it('signs JWTs that a standard library verifies against its key set', async () => {
    const s = signer(pem());
    const token = s.sign({ iss: 'https://hocvuso.example.vn/api/issuer', name: 'Xác nhận' });
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(s.jwks()));
    expect(payload.name).toBe('Xác nhận');
    expect(protectedHeader).toEqual({ alg: 'EdDSA', typ: 'JWT', kid: s.jwk.kid });
    expect(s.verify(token)).toMatchObject({ name: 'Xác nhận' });
  });

  it('keeps verifying what a retired key signed after a rotation, and signs with the new key', async () => {
    const oldKey = pem();
    const before = signer(oldKey).sign({ n: 1 });
    const rotated = signer(pem(), [publicPem(oldKey)]);
    expect(rotated.jwks().keys).toHaveLength(2);
    expect(rotated.jwks().keys[0]).toEqual(rotated.jwk);
    expect(rotated.verify(before)).toEqual({ n: 1 });
    await expect(jwtVerify(before, createLocalJWKSet(rotated.jwks()))).resolves.toBeDefined();
    const after = rotated.sign({ n: 2 });
    expect(JSON.parse(Buffer.from(after.split('.')[0]!, 'base64url').toString()).kid).toBe(rotated.jwk.kid);
    // Without the retired key in the set, the old credential no longer verifies.
    expect(signer(pem()).verify(before)).toBeNull();
  });

  it('refuses malformed tokens and other algorithms', () => {
    const s = signer(pem());
    const token = s.sign({ n: 1 });
    const [, body, sig] = token.split('.');
    const none = Buffer.from(JSON.stringify({ alg: 'none', kid: s.jwk.kid })).toString('base64url');
    for (const bad of ['', 'a.b', `${none}.${body}.${sig}`, `${token}x`, 'x.y.z']) expect(s.verify(bad)).toBeNull();
  });
});
