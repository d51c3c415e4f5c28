import { QueuesScreen } from '../officer/lazy.tsx';

/** The officer's start page: the queue dashboard (officer/queues, loaded on demand). */
export function OfficerHomePage() {
  return <QueuesScreen />;
}
