import { hash, verify } from '@node-rs/argon2';
import { AppError, type Text } from '../../http/errors.ts';

// argon2id (the library's default algorithm) with OWASP's minimum: 19 MiB, 2 passes, 1 lane.
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

// Verified when the login name is unknown, so both answers take the same time.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (stored === null) {
    dummyHash ??= hashPassword('not-a-real-password-0');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

const COMMON = new Set(['1234567890', '12345678910', 'password123', 'matkhau123', 'abc1234567', 'qwerty12345']);

/**
 * The first password rule broken, or undefined. Rules from NIST SP 800-63B (length over complexity,
 * a block list, nothing derived from the account), plus one letter and one digit as Vietnamese public
 * portals require.
 */
export function findPasswordWeakness(
  password: string,
  context: { phone?: string | null | undefined; email?: string | null | undefined },
): { rule: string; text: Text } | undefined {
  if (password.length < 10)
    return { rule: 'min_length', text: { vi: 'Mật khẩu phải có ít nhất 10 ký tự', en: 'at least 10 characters' } };
  if (password.length > 128)
    return { rule: 'max_length', text: { vi: 'Mật khẩu tối đa 128 ký tự', en: 'at most 128 characters' } };
  if (!/\p{L}/u.test(password) || !/\p{N}/u.test(password))
    return {
      rule: 'letters_and_digits',
      text: { vi: 'Mật khẩu phải có cả chữ và số', en: 'must contain both letters and digits' },
    };
  const lower = password.toLowerCase();
  const localPart = context.email?.split('@')[0]?.toLowerCase();
  if (
    COMMON.has(lower) ||
    (context.phone && lower.includes(context.phone.slice(-6))) ||
    (localPart && localPart.length >= 4 && lower.includes(localPart))
  )
    return {
      rule: 'not_guessable',
      text: {
        vi: 'Mật khẩu quá dễ đoán (phổ biến hoặc chứa số điện thoại/e-mail)',
        en: 'too easy to guess (common, or contains the phone number or e-mail)',
      },
    };
  return undefined;
}

export function assertStrongPassword(
  field: string,
  password: string,
  context: { phone?: string | null | undefined; email?: string | null | undefined },
): void {
  const weak = findPasswordWeakness(password, context);
  if (weak)
    throw new AppError('VALIDATION', { vi: 'Mật khẩu chưa đủ mạnh.', en: 'The password is too weak.' }, [
      { field, rule: weak.rule, message: weak.text },
    ]);
}
