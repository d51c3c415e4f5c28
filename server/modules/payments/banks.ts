import { readFileSync } from 'node:fs';

/** Banks and wallets reachable by NAPAS 247 / VietQR, from reference/vietqr-banks.json (see reference/SOURCES.md). */
export interface BankEntry {
  bin: string;
  code: string;
  shortName: string;
  name: string;
  swiftCode: string | null;
  vietQRStatus: string;
  deprecated: boolean;
}

const FILE = new URL('../../../reference/vietqr-banks.json', import.meta.url);
let cache: BankEntry[] | undefined;

// Reference data shipped with the product, read once; it changes only with a release.
export function listBanks(): BankEntry[] {
  cache ??= (JSON.parse(readFileSync(FILE, 'utf8')) as { banks: Partial<BankEntry>[] }).banks
    // An entry without a BIN cannot be the target of a VietQR transfer.
    .filter((b) => typeof b.bin === 'string' && /^\d{6}$/.test(b.bin))
    .map((b) => ({
      bin: b.bin ?? '',
      code: b.code ?? '',
      shortName: b.shortName ?? '',
      name: b.name ?? '',
      swiftCode: b.swiftCode ?? null,
      vietQRStatus: b.vietQRStatus ?? 'NOT_SUPPORTED',
      deprecated: b.deprecated ?? false,
    }))
    .sort((a, b) => a.shortName.localeCompare(b.shortName, 'vi'));
  return cache;
}

export function findBank(bin: string): BankEntry | undefined {
  return listBanks().find((b) => b.bin === bin && !b.deprecated) ?? listBanks().find((b) => b.bin === bin);
}
