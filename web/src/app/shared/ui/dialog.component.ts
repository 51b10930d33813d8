import { ChangeDetectionStrategy, Component, ElementRef, effect, input, output, viewChild } from '@angular/core';

/**
 * A modal dialog on the native <dialog>: focus moves in and is trapped by the browser, Escape closes
 * it, and it is announced by its title.
 */
@Component({
  selector: 'mq-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog #dialog [attr.aria-labelledby]="id() + '-title'" (close)="closed.emit()">
      <h2 [id]="id() + '-title'">{{ title() }}</h2>
      <ng-content />
    </dialog>
  `,
  styles: `
    dialog { background: var(--color-surface); color: var(--color-text); border: 1px solid var(--color-border); border-radius: var(--radius); max-width: min(32rem, 92vw); padding: var(--space-6); }
    dialog::backdrop { background: rgb(0 0 0 / 0.6); }
    h2 { margin-top: 0; }
  `,
})
export class DialogComponent {
  readonly id = input.required<string>();
  readonly title = input.required<string>();
  readonly open = input(false);
  readonly closed = output<void>();
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');

  constructor() {
    effect(() => {
      const element = this.dialog().nativeElement;
      if (this.open() && !element.open) element.showModal();
      if (!this.open() && element.open) element.close();
    });
  }
}
