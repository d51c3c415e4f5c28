/**
 * Contact data never reaches the logs (issue 7; Decree 13/2023 on personal data): only masked forms such as
 * `091****678` and `n***@g***.vn`, enough to tell two messages apart while debugging.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '***';
  return `${digits.slice(0, 3)}****${digits.slice(-3)}`;
}

export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const tld = dot > 0 ? domain.slice(dot) : '';
  return `${email[0]}***@${domain[0] ?? ''}***${tld}`;
}

export function maskAddress(address: string): string {
  return address.includes('@') ? maskEmail(address) : maskPhone(address);
}

const EMAIL_PATTERN = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
// Vietnamese mobile numbers in national (0…) or international (+84 / 84…) form, with optional separators.
const PHONE_PATTERN = /(?:\+?84|0)(?:[\s.-]?\d){8,10}/g;

/** Masks any e-mail address or phone number inside free text (error messages from SMTP servers, gateways). */
export function redactContacts(text: string): string {
  return text.replace(EMAIL_PATTERN, (m) => maskEmail(m)).replace(PHONE_PATTERN, (m) => maskPhone(m));
}
