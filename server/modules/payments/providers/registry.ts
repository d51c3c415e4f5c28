import type { Config } from '../../../config.ts';
import { createPayosProvider } from './payos.ts';
import type { PaymentProvider, ProviderName } from './provider.ts';
import { createVnpayProvider } from './vnpay.ts';

export function isProviderName(name: string): name is ProviderName {
  return name === 'payos' || name === 'vnpay';
}

/** Providers are rebuilt from config (cheap, stateless), so every process and test sees its own settings. */
export function getProvider(config: Config, name: ProviderName, fetcher?: typeof fetch): PaymentProvider {
  switch (name) {
    case 'payos':
      return createPayosProvider(config, fetcher);
    case 'vnpay':
      return createVnpayProvider(config, fetcher);
  }
}
