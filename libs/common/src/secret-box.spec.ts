import { randomBytes } from 'node:crypto';

import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('round-trips text, including Korean', () => {
    const sealed = box.encrypt('관리자 키 abc123');
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('abc123');
    expect(box.decrypt(sealed)).toBe('관리자 키 abc123');
  });

  it('never produces the same ciphertext twice', () => {
    expect(box.encrypt('same')).not.toBe(box.encrypt('same'));
  });

  it('rejects a tampered value and a wrong key', () => {
    const sealed = box.encrypt('secret');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('other').toString('base64url');
    expect(() => box.decrypt(parts.join('.'))).toThrow();
    expect(() => new SecretBox(randomBytes(32)).decrypt(sealed)).toThrow();
  });

  it('refuses keys of the wrong size', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow(/32-byte/);
  });
});
