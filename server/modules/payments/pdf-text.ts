import { inflateSync } from 'node:zlib';

/**
 * Test helper (no pdftotext on these machines): recovers the text pdfkit wrote, by reading each
 * embedded font's ToUnicode CMap and decoding the hex glyph strings of TJ operators with it.
 * Understands exactly what pdfkit emits — not a general PDF reader.
 */
export function extractPdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; stream?: string }>();
  for (const m of raw.matchAll(/(\d+) 0 obj\s*([^]*?)endobj/g)) {
    const body = m[2] ?? '';
    const at = body.search(/stream\r?\n/);
    if (at < 0) {
      objects.set(Number(m[1]), { dict: body });
      continue;
    }
    const dict = body.slice(0, at);
    const data = Buffer.from(body.slice(body.indexOf('\n', at) + 1, body.lastIndexOf('endstream')), 'latin1');
    const stream = (/FlateDecode/.test(dict) ? inflateSync(data) : data).toString('latin1');
    objects.set(Number(m[1]), { dict, stream });
  }
  const ref = (dict: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1] ?? -1);
  const out: string[] = [];
  for (const page of [...objects.values()].filter((o) => /\/Type \/Page\b/.test(o.dict))) {
    // Font resource name → that font's ToUnicode map (glyph ids overlap between subset fonts).
    const resources = objects.get(ref(page.dict, 'Resources'))?.dict ?? page.dict;
    const fonts = new Map<string, Map<number, string>>();
    for (const f of (/\/Font\s*<<([^>]*)>>/.exec(resources)?.[1] ?? '').matchAll(/\/(\w+) (\d+) 0 R/g)) {
      const font = objects.get(Number(f[2]));
      fonts.set(f[1] ?? '', parseCmap(objects.get(ref(font?.dict ?? '', 'ToUnicode'))?.stream ?? ''));
    }
    const content = objects.get(ref(page.dict, 'Contents'))?.stream ?? '';
    let map = new Map<number, string>();
    for (const op of content.matchAll(/\/(\w+) [\d.]+ Tf|\[([^\]]*)\] TJ/g)) {
      if (op[1] !== undefined) {
        map = fonts.get(op[1]) ?? new Map<number, string>();
        continue;
      }
      const codes = [...(op[2] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].flatMap((h) => (h[1] ?? '').match(/.{4}/g) ?? []);
      out.push(codes.map((code) => map.get(parseInt(code, 16)) ?? '').join(''));
    }
  }
  return out.join('\n');
}

function parseCmap(text: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of text.matchAll(/beginbfrange([^]*?)endbfrange/g)) {
    for (const r of (block[1] ?? '').matchAll(/<(\w+)>\s*<(\w+)>\s*(\[[^\]]*\]|<\w+>)/g)) {
      const from = parseInt(r[1] ?? '0', 16);
      const targets = [...(r[3] ?? '').matchAll(/<(\w+)>/g)].map((t) => t[1] ?? '');
      if ((r[3] ?? '').startsWith('[')) targets.forEach((t, i) => map.set(from + i, utf16(t)));
      else {
        const base = parseInt(targets[0] ?? '0', 16);
        for (let c = from; c <= parseInt(r[2] ?? '0', 16); c++) map.set(c, String.fromCharCode(base + c - from));
      }
    }
  }
  for (const block of text.matchAll(/beginbfchar([^]*?)endbfchar/g))
    for (const r of (block[1] ?? '').matchAll(/<(\w+)>\s*<(\w+)>/g))
      map.set(parseInt(r[1] ?? '0', 16), utf16(r[2] ?? ''));
  return map;
}
