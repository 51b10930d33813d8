import { ChangeDetectionStrategy, Component, effect, input, signal } from '@angular/core';
import { toDataURL } from 'qrcode';

/** A ticket code as a QR image (data URL, allowed by the CSP's img-src data:). */
@Component({
  selector: 'mq-qr-code',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@if (src()) { <img [src]="src()" [alt]="alt()" width="160" height="160" /> }`,
  styles: `img { background: #fff; padding: 8px; border-radius: var(--radius); }`,
})
export class QrCodeComponent {
  readonly code = input.required<string>();
  readonly alt = input.required<string>();
  protected readonly src = signal<string>('');
  constructor() {
    effect(() => {
      const code = this.code();
      void toDataURL(code, { margin: 1, width: 160 }).then((url) => this.src.set(url));
    });
  }
}
