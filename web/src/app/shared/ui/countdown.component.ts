import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, output, signal } from '@angular/core';
import { formatCountdown } from '../format/format';
import { t } from '../../i18n/pt-BR';

/** mm:ss to a deadline, announced politely; emits `expired` once at zero. */
@Component({
  selector: 'mq-countdown',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<p aria-live="polite" aria-atomic="true">{{ t.seats.expiresIn(text()) }}</p>`,
})
export class CountdownComponent {
  readonly until = input.required<string>();
  readonly expired = output<void>();
  protected readonly t = t;
  private readonly now = signal(Date.now());
  private fired = false;
  protected readonly text = computed(() => {
    const left = new Date(this.until()).getTime() - this.now();
    return formatCountdown(left);
  });

  constructor() {
    const id = setInterval(() => this.now.set(Date.now()), 1000);
    inject(DestroyRef).onDestroy(() => clearInterval(id));
    effect(() => {
      if (!this.fired && new Date(this.until()).getTime() - this.now() <= 0) {
        this.fired = true;
        this.expired.emit();
      }
    });
  }
}
