import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { Session } from './auth/session';
import { t } from './i18n/pt-BR';

@Component({
  selector: 'mq-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="skip" href="#conteudo">{{ t.skipLink }}</a>
    <header class="top">
      <a routerLink="/" class="brand">{{ t.appName }}</a>
      <nav [attr.aria-label]="t.nav.label">
        <ul class="plain row">
          <li><a routerLink="/" routerLinkActive="active" [routerLinkActiveOptions]="{ exact: true }" ariaCurrentWhenActive="page">{{ t.nav.nowPlaying }}</a></li>
          <li><a routerLink="/pacotes" routerLinkActive="active" ariaCurrentWhenActive="page">{{ t.nav.packages }}</a></li>
          @if (session.signedIn()) {
            <li><a routerLink="/meus-filmes" routerLinkActive="active" ariaCurrentWhenActive="page">{{ t.nav.myMovies }}</a></li>
            <li><a routerLink="/assistidos" routerLinkActive="active" ariaCurrentWhenActive="page">{{ t.nav.watched }}</a></li>
            <li><a routerLink="/pedidos" routerLinkActive="active" ariaCurrentWhenActive="page">{{ t.nav.orders }}</a></li>
            @if (session.isStaff()) { <li><a routerLink="/equipe" routerLinkActive="active" ariaCurrentWhenActive="page">{{ t.nav.staff }}</a></li> }
            @if (session.isAdmin()) { <li><a routerLink="/admin" routerLinkActive="active" ariaCurrentWhenActive="page">{{ t.nav.admin }}</a></li> }
            <li><a routerLink="/conta" routerLinkActive="active" ariaCurrentWhenActive="page">{{ session.user()?.displayName ?? t.nav.account }}</a></li>
            <li><button type="button" class="btn-secondary" (click)="signOut()">{{ t.nav.signOut }}</button></li>
          } @else {
            <li><a routerLink="/entrar" routerLinkActive="active" ariaCurrentWhenActive="page">{{ t.nav.signIn }}</a></li>
          }
        </ul>
      </nav>
    </header>
    <main id="conteudo" tabindex="-1" class="container"><router-outlet /></main>
  `,
  styles: `
    .skip { position: absolute; left: -999px; top: 0; background: var(--color-accent); color: var(--color-on-accent); padding: var(--space-2); z-index: 10; }
    .skip:focus { left: var(--space-2); }
    .top { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: var(--space-2); padding: var(--space-2) var(--space-4); background: var(--color-surface); border-bottom: 1px solid var(--color-border); }
    .brand { font-weight: 800; font-size: var(--text-lg); text-decoration: none; color: var(--color-accent); }
    nav a { color: var(--color-text); padding: var(--space-2); display: inline-block; }
    nav a.active { color: var(--color-accent); }
    main:focus { outline: none; }
  `,
})
export class AppComponent {
  protected readonly session = inject(Session);
  protected readonly t = t;
  private readonly router = inject(Router);

  constructor() {
    this.session.restore();
  }

  protected async signOut(): Promise<void> {
    await this.session.logout();
    await this.router.navigateByUrl('/');
  }
}
