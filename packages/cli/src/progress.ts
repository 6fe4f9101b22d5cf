import type { CliIo } from './output.js';

/** @internal A one-line progress bar on a terminal's stderr; silent when stderr is not a TTY or in `--json` mode. */
export class ProgressBar {
  private drawn = false;

  constructor(
    private readonly io: CliIo,
    private readonly enabled: boolean,
    private readonly label: string,
  ) {}

  /** Redraws the bar: `fraction` 0–1 and a short status text. */
  update(fraction: number, status: string): void {
    if (!this.enabled || !this.io.isTTY) return;
    const width = 28;
    const f = Math.max(0, Math.min(1, fraction));
    const full = Math.round(f * width);
    this.io.stderr(`\r${this.label} [${'█'.repeat(full)}${'░'.repeat(width - full)}] ${String(Math.round(f * 100)).padStart(3)}% ${status}\u001b[K`);
    this.drawn = true;
  }

  /** Ends the bar's line. */
  done(): void {
    if (this.drawn) this.io.stderr('\n');
    this.drawn = false;
  }
}
