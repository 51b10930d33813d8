import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { t } from '../../i18n/pt-BR';

@Component({
  selector: 'mq-order-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<strong [class.success]="status() === 'Approved'" [class.error]="status() === 'Refused' || status() === 'Failed'">{{ t.order.statuses[status()] ?? status() }}</strong>`,
})
export class OrderStatusComponent {
  readonly status = input.required<string>();
  protected readonly t = t;
}
