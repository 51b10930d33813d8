import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { Pagination } from '../../api/models';
import { t } from '../../i18n/pt-BR';

/** Previous / next for a paginated list, shown only when there is more than one page. */
@Component({
  selector: 'mq-pager',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (pagination(); as p) {
      @if (p.totalPages > 1) {
        <nav class="row pager" [attr.aria-label]="t.pager.label">
          <button type="button" class="btn-secondary" [disabled]="p.firstPage" (click)="page.emit(p.pageNumber - 1)">{{ t.pager.previous }}</button>
          <span aria-live="polite">{{ t.pager.page(p.pageNumber, p.totalPages) }}</span>
          <button type="button" class="btn-secondary" [disabled]="p.lastPage" (click)="page.emit(p.pageNumber + 1)">{{ t.pager.next }}</button>
        </nav>
      }
    }
  `,
  styles: `.pager { margin-top: var(--space-4); }`,
})
export class PagerComponent {
  readonly pagination = input<Pagination | null>(null);
  readonly page = output<number>();
  protected readonly t = t;
}
