import { describe, expect, it } from 'vitest';
import { foldDiacritics } from './format.ts';
import { renderTemplate, TEMPLATE_NAMES, validateTemplateParams } from './catalogue.ts';
import { SAMPLE_CODE, TEMPLATE_SAMPLES } from './samples.ts';

const code = SAMPLE_CODE;
const samples = TEMPLATE_SAMPLES;

describe('notification templates', () => {
  it.each(TEMPLATE_NAMES)('%s renders in Vietnamese and English, with a short text that fits one SMS', (name) => {
    const vi = renderTemplate(name, 'vi', samples[name]);
    const en = renderTemplate(name, 'en', samples[name]);
    if (!name.startsWith('identity.')) expect(vi.subject).toContain(code);
    expect(vi.subject).not.toBe(en.subject);
    expect(`${vi.subject} ${vi.text}`).toMatch(/[ăâđêôơưàáảãạ]/i);
    expect(en.subject).not.toMatch(/[ăâđêôơư]/i); // the body may quote Vietnamese names
    for (const short of [vi.short, en.short]) expect(foldDiacritics(short).length).toBeLessThanOrEqual(160);
  });

  it('shows deadlines in Hanoi time whatever the server time zone', () => {
    const vi = renderTemplate('dossier.accepted', 'vi', samples['dossier.accepted']);
    expect(vi.text).toContain('09:32 03/11/2023');
    const fromUtc = renderTemplate('officer.due_soon', 'en', {
      ...samples['officer.due_soon'],
      dueAt: '2023-11-03T02:32:00Z',
    });
    expect(fromUtc.text).toContain('09:32 03/11/2023 (Hanoi time)');
  });

  it('refuses parameters a template does not accept', () => {
    expect(() =>
      validateTemplateParams('dossier.apology', { dossierCode: code, reason: 'x', letterUrl: 'https://example.vn/x' }),
    ).toThrow();
  });

  it('writes money the Vietnamese way', () => {
    expect(renderTemplate('payment.requested', 'vi', samples['payment.requested']).text).toContain('1.250.000 đồng');
  });
});
