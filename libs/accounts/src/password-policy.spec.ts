import { isStrongPassword, passwordScore } from './password-policy';

describe('password policy', () => {
  it.each([
    'aaaaaaaaaaaa',
    '123456789012',
    'password1234',
    'qwertyuiopasdf',
    'demo-password',
    'Password123!',
  ])('refuses the easily guessed %s', (password) => {
    expect(isStrongPassword(password)).toBe(false);
  });

  it.each([
    'seeded-user-password',
    'correct horse battery staple',
    'Tr0ub4dor&3xyz',
    'q8#Lm2!vR0pZ',
  ])('accepts %s', (password) => {
    expect(isStrongPassword(password)).toBe(true);
  });

  it("counts the account's own email and name as guessable", () => {
    const password = 'jiwoo.parkmarketing';
    expect(isStrongPassword(password)).toBe(true);
    expect(isStrongPassword(password, ['jiwoo.park@marketing.example', 'Jiwoo Park'])).toBe(false);
  });

  it('scores a very long password quickly, by its start', () => {
    const started = Date.now();
    expect(passwordScore(`${'x'.repeat(200)}${'Zq9!'.repeat(14)}`)).toBeLessThan(3);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
