import { Routes } from '@angular/router';
import { authGuard } from './auth/auth.guard';
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
  { path: '**', redirectTo: '' },
];
