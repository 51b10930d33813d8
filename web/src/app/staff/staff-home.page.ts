import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { t } from '../i18n/pt-BR';

@Component({
  selector: 'mq-staff-home',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t.staff.title }}</h1>
    <p class="muted">{{ t.staff.intro }}</p>
    <ul class="plain grid">
      @for (a of areas; track a.path) { <li><a class="card area" [routerLink]="a.path">{{ a.label }}</a></li> }
    </ul>
  `,
  styles: `
    .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: var(--space-3); }
    .area { display: block; font-weight: 700; text-decoration: none; color: var(--color-text); min-height: 44px; }
  `,
})
export class StaffHomePage {
  protected readonly t = t;
  protected readonly areas = [
    { path: '/equipe/cinemas', label: t.staff.areas.cinemas },
    { path: '/equipe/sessoes', label: t.staff.areas.showtimes },
    { path: '/equipe/bomboniere', label: t.staff.areas.concessions },
    { path: '/equipe/pacotes', label: t.staff.areas.packages },
    { path: '/equipe/reembolsos', label: t.staff.areas.refunds },
  ];
}
