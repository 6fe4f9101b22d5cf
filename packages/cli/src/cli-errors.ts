import { InspectError } from '@pccovid-inspect/core';

/** @internal Thrown when the user pressed Ctrl-C: the command stopped at a clean point. */
export class InterruptedError extends Error {
  constructor() {
    super('interrupted');
    this.name = 'InterruptedError';
  }
}

/** @internal A command-line usage mistake found after parsing (e.g. two options that exclude each other). */
export class UsageError extends Error {
  constructor(
    readonly messageVi: string,
    readonly messageEn: string,
    readonly hint?: string,
  ) {
    super(`${messageVi} / ${messageEn}`);
    this.name = 'UsageError';
  }
}

export { InspectError };
