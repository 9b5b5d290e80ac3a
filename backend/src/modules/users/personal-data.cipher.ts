import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encrypts contact details at rest (AES-256-GCM) and gives each a keyed hash (blind index) so a
 * login can be found without decrypting every row. Both keys derive from DATA_ENCRYPTION_KEY.
 */
export class PersonalDataCipher {
  private readonly encKey: Buffer;
  private readonly indexKey: Buffer;

  constructor(masterKey: Buffer) {
    this.encKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'bdhvs:pii:enc', 32));
    this.indexKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'bdhvs:pii:index', 32));
  }

  encrypt(plain: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  decrypt(sealed: Buffer): string {
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** Deterministic: the same normalised value always gives the same hash. */
  blindIndex(normalized: string): Buffer {
    return createHmac('sha256', this.indexKey).update(normalized).digest();
  }
}

export const mask = {
  phone: (p: string) => `${p.slice(0, 3)}*****${p.slice(-2)}`,
  email: (e: string) => {
    const [local = '', domain = ''] = e.split('@');
    return `${local.slice(0, 1)}***@${domain}`;
  },
};
