import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { CinemasApi } from '../api/api.services';
import { Cinema } from '../api/models';
import { StaffApi } from '../api/staff.api';
import { t } from '../i18n/pt-BR';
import { FormSubmission } from '../shared/form-submission';
import { FieldErrorComponent, ProblemComponent } from '../shared/ui/field-error.component';

/** The chain's cinemas, and opening a new one. */
@Component({
  selector: 'mq-staff-cinemas',
  imports: [RouterLink, FieldErrorComponent, ProblemComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t.staff.cinemasTitle }}</h1>
    <ul class="plain">
      @for (c of cinemas(); track c.id) {
        <li class="card"><a [routerLink]="['/equipe/cinemas', c.id]">{{ c.name }}</a> <span class="muted">· {{ c.neighbourhood }} · {{ c.address }}</span></li>
      }
    </ul>
    <section class="card" aria-labelledby="new-cinema">
      <h2 id="new-cinema">{{ t.staff.newCinema }}</h2>
      <form (submit)="create($event)" novalidate>
        @for (f of fields; track f.name) {
          <div class="field"><label [for]="'cinema-' + f.name">{{ f.label }}</label>
            <input [id]="'cinema-' + f.name" [name]="f.name" required [attr.aria-invalid]="!!errors()[f.name]"
              [attr.aria-describedby]="errors()[f.name] ? 'cinema-' + f.name + '-error' : null" />
            <mq-field-error [id]="'cinema-' + f.name + '-error'" [message]="errors()[f.name]" /></div>
        }
        <button type="submit" class="btn" [disabled]="busy()">{{ t.staff.create }}</button>
        <mq-problem [message]="problem()" />
        @if (created(); as name) { <p role="status" class="success">{{ t.staff.created(name) }}</p> }
      </form>
    </section>
  `,
})
export class CinemasPage {
  protected readonly t = t;
  private readonly cinemasApi = inject(CinemasApi);
  private readonly staff = inject(StaffApi);
  protected readonly cinemas = signal<Cinema[]>([]);
  protected readonly created = signal<string | null>(null);
  protected readonly fields = [
    { name: 'name', label: t.staff.name },
    { name: 'neighbourhood', label: t.staff.neighbourhood },
    { name: 'address', label: t.staff.address },
  ];
  private readonly form = new FormSubmission();
  protected readonly busy = this.form.busy;
  protected readonly problem = this.form.problem;
  protected readonly errors = this.form.errors;

  constructor() { this.reload(); }

  private reload(): void { this.cinemasApi.list().subscribe((list) => this.cinemas.set(list)); }

  protected create(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    this.created.set(null);
    this.form.run(this.staff.createCinema({ name: value('name'), neighbourhood: value('neighbourhood'), address: value('address') }), (cinema) => {
      this.created.set(cinema.name);
      form.reset();
      this.reload();
    });
  }
}
