// One typed error for every bad input to the calendar, so the server can map it to HTTP 400
// (VALIDATION) naming the field, and never answer with a wrong date.

export type CalendarErrorCode = 'INVALID_INPUT' | 'OUT_OF_RANGE';

export class CalendarInputError extends Error {
  readonly code: CalendarErrorCode;
  /** The input field at fault, e.g. `start`, `duration.value`. */
  readonly field: string;

  constructor(code: CalendarErrorCode, field: string, message: string) {
    super(message);
    this.name = 'CalendarInputError';
    this.code = code;
    this.field = field;
  }
}

export function isCalendarInputError(error: unknown): error is CalendarInputError {
  return error instanceof CalendarInputError;
}
