import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { t } from '../i18n/pt-BR';

@Component({
  selector: 'mq-admin-home',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t.admin.title }}</h1>
    <ul class="plain grid">
      @for (a of areas; track a.path) { <li><a class="card area" [routerLink]="a.path">{{ a.label }}</a></li> }
      <li><a class="card area" href="/dashboard/">{{ t.admin.dashboard }}</a></li>
    </ul>
  `,
  styles: `
    .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: var(--space-3); }
    .area { display: block; font-weight: 700; text-decoration: none; color: var(--color-text); min-height: 44px; }
  `,
})
export class AdminHomePage {
  protected readonly t = t;
  protected readonly areas = [
    { path: '/admin/usuarios', label: t.admin.areas.users },
    { path: '/admin/falhas', label: t.admin.areas.deadLetters },
    { path: '/admin/relatorios', label: t.admin.areas.reports },
    { path: '/admin/capacidade', label: t.admin.areas.capacity },
  ];
}
