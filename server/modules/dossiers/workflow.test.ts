import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  ALL_STATUSES,
  allowedActions,
  applyEvent,
  initialState,
  replayJournal,
  TERMINAL_STATUSES,
  TransitionError,
  TRANSITIONS,
  type DossierState,
  type Effect,
  type JournalEvent,
} from './workflow.ts';

const start = (): DossierState => initialState({ handlingAgencyId: 'A' });

// A random effect: acceptance sets acceptedAt (that is what moves a dossier into the processing phase),
// signing sets resultSignedAt (what makes a second signature impossible), as the service does.
const effectFor = (action: string, n: number): Effect =>
  action === 'accept'
    ? { acceptedAt: new Date(n * 1000).toISOString(), code: `A-231027-${String(n).padStart(4, '0')}` }
    : action === 'sign_result'
      ? { resultSignedAt: new Date(n * 1000).toISOString() }
      : { stepIndex: n % 3, assigneeId: n % 2 ? 'u1' : null };

/** Random walk: at each step pick any action (allowed or not); record what the table accepts. */
const walk = fc.array(fc.tuple(fc.constantFrom(...ACTIONS), fc.nat(1000)), { maxLength: 40 });

function run(steps: [string, number][]) {
  let state = start();
  const journal: JournalEvent[] = [{ action: 'submit', effect: { handlingAgencyId: 'A' } }];
  const visited = [state.status];
  for (const [action, n] of steps) {
    const event = { action, effect: effectFor(action, n) } as JournalEvent;
    try {
      state = applyEvent(state, event);
      journal.push(event);
      visited.push(state.status);
    } catch (error) {
      expect(error).toBeInstanceOf(TransitionError);
    }
  }
  return { state, journal, visited };
}

/** A walk through allowed actions only (picked by index), which reaches the late statuses often. */
const guided = fc.array(fc.nat(1000), { maxLength: 30 });

// Half the guided walks start from a processed dossier, so the late actions are walked every run.
const TO_PROCESSED = ['accept', 'assign', 'mark_processed'] as const;

function runGuided(picks: number[], fromProcessed = false) {
  let state = start();
  const journal: JournalEvent[] = [{ action: 'submit', effect: { handlingAgencyId: 'A' } }];
  for (const action of fromProcessed ? TO_PROCESSED : []) {
    const event = { action, effect: effectFor(action, 1) };
    state = applyEvent(state, event);
    journal.push(event);
  }
  for (const n of picks) {
    const allowed = allowedActions(state);
    if (allowed.length === 0) break;
    const event = { action: allowed[n % allowed.length]!, effect: effectFor(allowed[n % allowed.length]!, n) };
    state = applyEvent(state, event);
    journal.push(event);
  }
  return { state, journal };
}

describe('dossier state machine', () => {
  it('never reaches a status the table does not list for that action', () => {
    fc.assert(
      fc.property(walk, (steps) => {
        let state = start();
        for (const [action, n] of steps) {
          const before = state.status;
          try {
            state = applyEvent(state, { action, effect: effectFor(action, n) });
          } catch {
            continue;
          }
          const listed = TRANSITIONS.some(
            (t) => t.action === action && t.from.includes(before) && t.to === state.status,
          );
          expect(listed).toBe(true);
        }
      }),
    );
  });

  it('has no exits from the terminal statuses', () => {
    for (const status of TERMINAL_STATUSES) {
      expect(allowedActions({ status, acceptedAt: null })).toEqual([]);
      expect(allowedActions({ status, acceptedAt: '2023-10-27T02:32:00.000Z' })).toEqual([]);
    }
    fc.assert(
      fc.property(walk, (steps) => {
        const { visited } = run(steps);
        const firstTerminal = visited.findIndex((s) => TERMINAL_STATUSES.includes(s));
        if (firstTerminal >= 0) expect(visited.length).toBe(firstTerminal + 1);
      }),
    );
  });

  it('derives the same state by replaying the journal', () => {
    fc.assert(
      fc.property(walk, (steps) => {
        const { state, journal } = run(steps);
        expect(replayJournal(journal)).toEqual(state);
      }),
    );
  });

  it('reaches every status from a submission', () => {
    const seen = new Set<number>([1]);
    const frontier: DossierState[] = [start(), { ...start(), acceptedAt: 'x' }];
    while (frontier.length > 0) {
      const state = frontier.pop()!;
      for (const action of allowedActions(state)) {
        const next = applyEvent(state, { action, effect: effectFor(action, 1) });
        if (!seen.has(next.status)) {
          seen.add(next.status);
          frontier.push(next);
        }
      }
    }
    expect([...seen].sort((a, b) => a - b)).toEqual(ALL_STATUSES);
  });

  it('signs a result only once it is processed, at most once, and keeps the status', () => {
    let signings = 0;
    fc.assert(
      fc.property(fc.boolean(), guided, (fromProcessed, picks) => {
        const { state, journal } = runGuided(picks, fromProcessed);
        expect(replayJournal(journal)).toEqual(state);
        const actions = journal.map((e) => e.action);
        const signed = actions.indexOf('sign_result');
        if (signed >= 0) signings += 1;
        expect(actions.filter((a) => a === 'sign_result').length).toBeLessThanOrEqual(1);
        if (signed >= 0) expect(actions.slice(0, signed)).toContain('mark_processed');
        expect(state.resultSignedAt !== null).toBe(signed >= 0);
      }),
      { numRuns: 300 },
    );
    expect(signings).toBeGreaterThan(0); // the walks do reach a signature
    const processed: DossierState = { ...start(), acceptedAt: 'x', status: 9 };
    expect(allowedActions(processed)).toEqual(['sign_result', 'return_result']);
    const signed = applyEvent(processed, { action: 'sign_result', effect: effectFor('sign_result', 1) });
    expect(signed.status).toBe(9);
    expect(allowedActions(signed)).toEqual(['return_result']);
    expect(() => applyEvent(signed, { action: 'sign_result', effect: {} })).toThrow(TransitionError);
    expect(applyEvent(signed, { action: 'return_result', effect: {} }).status).toBe(10);
  });

  it('names the current status when refusing an action', () => {
    expect(() => applyEvent(start(), { action: 'approve', effect: {} })).toThrow(/status 1 \(receiving\)/);
  });

  it('sends a supplement back to the desk before acceptance and to processing after it', () => {
    const waiting = applyEvent(start(), { action: 'request_supplement', effect: {} });
    expect(applyEvent(waiting, { action: 'submit_supplement', effect: {} }).status).toBe(1);
    const accepted = applyEvent(start(), { action: 'accept', effect: effectFor('accept', 1) });
    const waitingLater = applyEvent(accepted, { action: 'request_supplement', effect: {} });
    expect(applyEvent(waitingLater, { action: 'submit_supplement', effect: {} }).status).toBe(4);
  });
});
