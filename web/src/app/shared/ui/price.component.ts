import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { formatMoney } from '../format/format';

@Component({
  selector: 'mq-price',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `{{ text() }}`,
})
export class PriceComponent {
  readonly cents = input.required<number>();
  protected readonly text = computed(() => formatMoney(this.cents()));
}
