import { Routes } from '@angular/router';
import { authGuard } from './auth/auth.guard';
import { roleGuard } from './auth/role.guard';
import { HomePage } from './showtimes/home.page';

export const routes: Routes = [
  // The landing page is in the first bundle: one round trip fewer before anything useful shows. (The
  // seat picker stays lazy: drawing its map in the same task as the bootstrap blocks the page longer.)
  { path: '', title: 'Em cartaz · Marquee', component: HomePage },
  { path: 'filmes/:movieId', title: 'Filme · Marquee', loadComponent: () => import('./showtimes/movie.page').then((m) => m.MoviePage) },
  { path: 'sessoes/:showtimeId', title: 'Poltronas · Marquee', loadComponent: () => import('./seat-picker/seat-picker.page').then((m) => m.SeatPickerPage) },
  { path: 'sessoes/:showtimeId/checkout', title: 'Pagamento · Marquee', canActivate: [authGuard], loadComponent: () => import('./checkout/checkout.page').then((m) => m.CheckoutPage) },
  { path: 'pedidos', title: 'Meus pedidos · Marquee', canActivate: [authGuard], loadComponent: () => import('./tickets/orders.page').then((m) => m.OrdersPage) },
  { path: 'pedidos/:orderId', title: 'Pedido · Marquee', canActivate: [authGuard], loadComponent: () => import('./tickets/order.page').then((m) => m.OrderPage) },
  { path: 'entrar', title: 'Entrar · Marquee', loadComponent: () => import('./account/sign-in.page').then((m) => m.SignInPage) },
  { path: 'entrar/google', title: 'Entrar com Google · Marquee', loadComponent: () => import('./account/google-callback.page').then((m) => m.GoogleCallbackPage) },
  { path: 'cadastro', title: 'Criar conta · Marquee', loadComponent: () => import('./account/register.page').then((m) => m.RegisterPage) },
  { path: 'esqueci-senha', title: 'Esqueci minha senha · Marquee', loadComponent: () => import('./account/forgot.page').then((m) => m.ForgotPage) },
  { path: 'reset-password', title: 'Redefinir senha · Marquee', loadComponent: () => import('./account/reset.page').then((m) => m.ResetPage) },
  { path: 'conta', title: 'Minha conta · Marquee', canActivate: [authGuard], loadComponent: () => import('./account/profile.page').then((m) => m.ProfilePage) },
  { path: 'pacotes', title: 'Pacotes · Marquee', loadComponent: () => import('./library/packages.page').then((m) => m.PackagesPage) },
  { path: 'meus-filmes', title: 'Meus filmes · Marquee', canActivate: [authGuard], loadComponent: () => import('./library/my-movies.page').then((m) => m.MyMoviesPage) },
  { path: 'meus-filmes/:movieId', title: 'Filme · Marquee', canActivate: [authGuard], loadComponent: () => import('./library/movie-detail.page').then((m) => m.MovieDetailPage) },
  { path: 'assistidos', title: 'Assistidos · Marquee', canActivate: [authGuard], loadComponent: () => import('./library/watched.page').then((m) => m.WatchedPage) },
  {
    path: 'equipe',
    canActivate: [roleGuard('manager', 'admin')],
    children: [
      { path: '', title: 'Equipe · Marquee', loadComponent: () => import('./staff/staff-home.page').then((m) => m.StaffHomePage) },
      { path: 'cinemas', title: 'Cinemas e salas · Marquee', loadComponent: () => import('./staff/cinemas.page').then((m) => m.CinemasPage) },
      { path: 'cinemas/:cinemaId', title: 'Salas · Marquee', loadComponent: () => import('./staff/cinema.page').then((m) => m.CinemaPage) },
      { path: 'sessoes', title: 'Sessões · Marquee', loadComponent: () => import('./staff/showtimes.page').then((m) => m.ShowtimesPage) },
      { path: 'bomboniere', title: 'Bomboniere · Marquee', loadComponent: () => import('./staff/concessions.page').then((m) => m.ConcessionsPage) },
      { path: 'pacotes', title: 'Pacotes (equipe) · Marquee', loadComponent: () => import('./staff/packages.page').then((m) => m.PackagesPage) },
      { path: 'reembolsos', title: 'Reembolsos · Marquee', loadComponent: () => import('./staff/refunds.page').then((m) => m.RefundsPage) },
    ],
  },
  {
    path: 'admin',
    canActivate: [roleGuard('admin')],
    children: [
      { path: '', title: 'Administração · Marquee', loadComponent: () => import('./admin/admin-home.page').then((m) => m.AdminHomePage) },
      { path: 'usuarios', title: 'Usuários · Marquee', loadComponent: () => import('./admin/users.page').then((m) => m.UsersPage) },
      { path: 'falhas', title: 'Pagamentos com falha · Marquee', loadComponent: () => import('./admin/dead-letters.page').then((m) => m.DeadLettersPage) },
      { path: 'relatorios', title: 'Relatórios · Marquee', loadComponent: () => import('./admin/reports.page').then((m) => m.ReportsPage) },
      { path: 'capacidade', title: 'Capacidade · Marquee', loadComponent: () => import('./admin/capacity.page').then((m) => m.CapacityPage) },
    ],
  },
  { path: 'sem-permissao', title: 'Sem permissão · Marquee', loadComponent: () => import('./shared/not-allowed.page').then((m) => m.NotAllowedPage) },
  { path: '**', redirectTo: '' },
];
