import { describe, expect, it } from 'vitest';
import { decodeBarcodes } from '../../../../test/helpers/barcodes.ts';
import { code128Png } from './barcode.ts';

describe('code128Png', () => {
  // Both styles of agency identifier (QCVN 102:2016 and its amendment), as DOMAIN §3 gives them.
  it.each(['000.00.06.H56-231027-0361', 'H26.103.25.7-250908-0112'])(
    'encodes %s so a scanner reads it back',
    async (code) => {
      const png = await code128Png(code);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      const found = await decodeBarcodes(new Uint8Array(png), ['Code128']);
      expect(found.map((r) => [r.format, r.text, r.isValid])).toEqual([['Code128', code, true]]);
    },
  );
});
