/**
 * EMVCo MPM data objects: a two-digit id, a two-digit length, then the value. Lengths count
 * characters; VietQR payloads are ASCII, so characters and bytes agree.
 */
export interface Tlv {
  id: string;
  value: string;
}

export class TlvError extends Error {
  readonly position: number;
  constructor(message: string, position: number) {
    super(message);
    this.name = 'TlvError';
    this.position = position;
  }
}

export function encodeTlv(id: string, value: string): string {
  if (!/^\d{2}$/.test(id)) throw new TlvError(`field id "${id}" is not two digits`, 0);
  if (value.length > 99) throw new TlvError(`field ${id} is longer than 99 characters`, 0);
  return `${id}${value.length.toString().padStart(2, '0')}${value}`;
}

/** Splits a string of data objects; throws TlvError when a length runs past the end or is not digits. */
export function decodeTlv(text: string): Tlv[] {
  const fields: Tlv[] = [];
  let at = 0;
  while (at < text.length) {
    const head = text.slice(at, at + 4);
    if (!/^\d{4}$/.test(head)) throw new TlvError(`bad field header "${head}" at ${at}`, at);
    const length = Number(head.slice(2));
    const end = at + 4 + length;
    if (end > text.length) throw new TlvError(`field ${head.slice(0, 2)} at ${at} runs past the end`, at);
    fields.push({ id: head.slice(0, 2), value: text.slice(at + 4, end) });
    at = end;
  }
  return fields;
}
