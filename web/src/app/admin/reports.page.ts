import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { catchError, forkJoin, map, of, switchMap } from 'rxjs';
import { AdminApi } from '../api/admin.api';
import { Pagination, WatchReport } from '../api/models';
import { messageOf } from '../api/problem';
import { t } from '../i18n/pt-BR';
import { ProblemComponent } from '../shared/ui/field-error.component';
import { PagerComponent } from '../shared/ui/pager.component';

interface Row { report: WatchReport; email: string; }

/** Every account's watch report, a page at a time, each named by the account's email. */
@Component({
  selector: 'mq-admin-reports',
  imports: [PagerComponent, ProblemComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t.admin.reportsTitle }}</h1>
    <mq-problem [message]="problem()" />
    @if (rows(); as list) {
      @if (list.length === 0) { <p>{{ t.admin.noReports }}</p> }
      <div class="scroll" tabindex="0" role="region" [attr.aria-label]="t.admin.reportsTitle">
        <table>
          <caption class="visually-hidden">{{ t.admin.reportsTitle }}</caption>
          <thead><tr><th scope="col">{{ t.admin.user }}</th><th scope="col">{{ t.admin.total }}</th><th scope="col">{{ t.admin.theme }}</th><th scope="col">{{ t.admin.last }}</th></tr></thead>
          <tbody>
            @for (r of list; track r.report.userId) {
              <tr>
                <th scope="row">{{ r.email }}</th>
                <td>{{ r.report.totalFilmsWatched }}</td>
                <td>{{ r.report.mostWatchedTheme?.themeName ?? '—' }}</td>
                <td>{{ r.report.lastFilmWatched?.movieName ?? '—' }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      <mq-pager [pagination]="pagination()" (page)="page.set($event)" />
    } @else { <p aria-live="polite">{{ t.common.loading }}</p> }
  `,
  styles: `
    .scroll { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; padding: var(--space-2); border-bottom: 1px solid var(--color-border); }
    tbody th { font-weight: 400; }
  `,
})
export class ReportsPage {
  protected readonly t = t;
  private readonly api = inject(AdminApi);
  protected readonly page = signal(1);
  protected readonly rows = signal<Row[] | null>(null);
  protected readonly pagination = signal<Pagination | null>(null);
  protected readonly problem = signal<string | undefined>(undefined);

  constructor() {
    effect((onCleanup) => {
      const sub = this.api.reports(this.page()).pipe(
        switchMap((res) => {
          this.pagination.set(res.pagination);
          if (res.data.length === 0) return of([]);
          // The report names the account by id; its email is what an admin recognises.
          return forkJoin(res.data.map((report) => this.api.user(report.userId).pipe(
            map((user) => ({ report, email: user.email })),
            catchError(() => of({ report, email: report.userId })),
          )));
        }),
      ).subscribe({ next: (rows) => this.rows.set(rows), error: (e) => this.problem.set(messageOf(e)) });
      onCleanup(() => sub.unsubscribe());
    });
  }
}
