import { describe, expect, it } from 'vitest';
import { maskEmail, maskPhone, redactContacts } from './mask.ts';

describe('masking contact data for logs', () => {
  it('keeps only the ends of a phone number', () => {
    expect(maskPhone('0912345678')).toBe('091****678');
    expect(maskPhone('+84 912 345 678')).toBe('849****678');
  });

  it('keeps only the first letters of an e-mail address', () => {
    expect(maskEmail('nguyen.van.a@gmail.com')).toBe('n***@g***.com');
  });

  it('removes addresses and phone numbers from an SMTP or gateway error text', () => {
    const text = redactContacts(
      '550 5.1.1 <tran.thi.b@hanoi.gov.vn>: rejected; SMS to 0987654321 failed (+84987654321)',
    );
    expect(text).not.toMatch(/tran\.thi\.b|0987654321|84987654321/);
    expect(text).toContain('t***@h***.vn');
    expect(text).toContain('098****321');
  });
});
