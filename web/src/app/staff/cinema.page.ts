import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Auditorium, Cinema } from '../api/models';
import { messageOf } from '../api/problem';
import { StaffApi } from '../api/staff.api';
import { t } from '../i18n/pt-BR';
import { FormSubmission } from '../shared/form-submission';
import { FieldErrorComponent, ProblemComponent } from '../shared/ui/field-error.component';
import { SeatPlanEditorComponent } from './seat-plan-editor.component';

/** One cinema's auditoriums, and drawing a new one. */
@Component({
  selector: 'mq-staff-cinema',
  imports: [RouterLink, FieldErrorComponent, ProblemComponent, SeatPlanEditorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p><a routerLink="/equipe/cinemas">{{ t.staff.cinemasTitle }}</a></p>
    <h1>{{ cinema()?.name ?? (loadProblem() ? t.common.notFound : t.common.loading) }}</h1>
    <mq-problem [message]="loadProblem()" />
    @if (cinema(); as c) { <p class="muted">{{ c.neighbourhood }} · {{ c.address }}</p> }
    <h2>{{ t.staff.auditoriums }}</h2>
    @if (auditoriums().length === 0) { <p>{{ t.staff.noAuditoriums }}</p> }
    <ul class="plain">
      @for (a of auditoriums(); track a.id) { <li class="card">{{ a.name }} <span class="muted">· {{ t.staff.capacity(a.capacity) }}</span></li> }
    </ul>
    <section class="card" aria-labelledby="new-auditorium">
      <h2 id="new-auditorium">{{ t.staff.newAuditorium }}</h2>
      <form (submit)="create($event)" novalidate>
        <div class="field"><label for="auditorium-name">{{ t.staff.name }}</label>
          <input id="auditorium-name" name="name" required [attr.aria-invalid]="!!errors()['name']"
            [attr.aria-describedby]="errors()['name'] ? 'auditorium-name-error' : null" />
          <mq-field-error id="auditorium-name-error" [message]="errors()['name']" /></div>
        <mq-seat-plan-editor (planChange)="rows = $event" />
        <mq-field-error id="auditorium-rows-error" [message]="errors()['rows']" />
        <button type="submit" class="btn" [disabled]="busy()">{{ t.staff.addAuditorium }}</button>
        <mq-problem [message]="problem()" />
        @if (created(); as name) { <p role="status" class="success">{{ t.staff.created(name) }}</p> }
      </form>
    </section>
  `,
})
export class CinemaPage {
  readonly cinemaId = input.required<string>();
  protected readonly t = t;
  private readonly staff = inject(StaffApi);
  protected readonly cinema = signal<Cinema | null>(null);
  protected readonly auditoriums = signal<Auditorium[]>([]);
  protected readonly created = signal<string | null>(null);
  protected readonly loadProblem = signal<string | undefined>(undefined);
  protected rows: { row: string; positions: string }[] = [];
  private readonly form = new FormSubmission();
  protected readonly busy = this.form.busy;
  protected readonly problem = this.form.problem;
  protected readonly errors = this.form.errors;

  constructor() {
    effect(() => {
      const id = this.cinemaId();
      this.loadProblem.set(undefined);
      this.staff.cinema(id).subscribe({ next: (c) => this.cinema.set(c), error: (e) => this.loadProblem.set(messageOf(e)) });
      this.reload(id);
    });
  }

  private reload(id: string): void {
    this.staff.auditoriums(id).subscribe({ next: (list) => this.auditoriums.set(list), error: (e) => this.loadProblem.set(messageOf(e)) });
  }

  protected create(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const name = (form.elements.namedItem('name') as HTMLInputElement).value.trim();
    this.created.set(null);
    this.form.run(this.staff.addAuditorium(this.cinemaId(), { name, rows: this.rows }), (auditorium) => {
      this.created.set(auditorium.name);
      this.reload(this.cinemaId());
    });
  }
}
