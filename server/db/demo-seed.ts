import type { AppContext } from '../context.ts';
import { seedCatalogue } from '../modules/catalogue/seed.ts';
import { seedDossiersDemo } from '../modules/dossiers/demo-seed.ts';
import { seedIdentityDemo } from '../modules/identity/demo-seed.ts';

/** Result of one module's demo seed: lines to print for the person who ran `npm start`. */
export interface SeedReport {
  lines: string[];
}

export type DemoSeeder = (ctx: AppContext) => Promise<SeedReport>;

/**
 * Demo data for trying the product (`npm start` on a fresh database, or `npm run seed`). Each module
 * that has demo data adds its seeder here; every seeder is idempotent.
 */
export const demoSeeders: DemoSeeder[] = [
  seedIdentityDemo, // first: other seeders use its accounts
  seedCatalogue, // the 62 sample procedures (2018 versions)
  seedDossiersDemo, // three birth registrations at Phường Phúc Tân (after accounts and catalogue)
];

export async function seedDemoData(ctx: AppContext): Promise<string[]> {
  const lines: string[] = [];
  for (const seeder of demoSeeders) lines.push(...(await seeder(ctx)).lines);
  return lines;
}
