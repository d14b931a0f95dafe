/**
 * The mock's clock: real time plus an offset that the test/demo clock endpoint moves. Everything time-based
 * (token expiry, open banking expiry, consent expiry, timestamps) reads this clock; webhook signatures use real
 * time so that receivers' timestamp tolerance keeps working after the clock is moved.
 */
export class Clock {
  private listeners: Array<() => void> = [];

  constructor(private offsetMs = 0) {}

  now(): number {
    return Date.now() + this.offsetMs;
  }

  iso(): string {
    return new Date(this.now()).toISOString();
  }

  get offset(): number {
    return this.offsetMs;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('The clock only moves forwards');
    this.offsetMs += ms;
    this.changed();
  }

  /** Jumps to an instant (forwards only, so expiries stay consistent). */
  set(instant: number): void {
    const delta = instant - this.now();
    if (delta < 0) throw new RangeError('The clock only moves forwards');
    this.offsetMs += delta;
    this.changed();
  }

  reset(offsetMs = 0): void {
    this.offsetMs = offsetMs;
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

export const DAY_MS = 86_400_000;
