import { Routes } from '@angular/router';
import { authGuard } from './auth/auth.guard';

export const routes: Routes = [
  { path: '', title: 'Em cartaz · Marquee', loadComponent: () => import('./showtimes/home.page').then((m) => m.HomePage) },
  { path: 'filmes/:movieId', title: 'Filme · Marquee', loadComponent: () => import('./showtimes/movie.page').then((m) => m.MoviePage) },
  { path: 'sessoes/:showtimeId', title: 'Poltronas · Marquee', loadComponent: () => import('./seat-picker/seat-picker.page').then((m) => m.SeatPickerPage) },
  { path: 'sessoes/:showtimeId/checkout', title: 'Pagamento · Marquee', canActivate: [authGuard], loadComponent: () => import('./checkout/checkout.page').then((m) => m.CheckoutPage) },
  { path: 'pedidos', title: 'Meus pedidos · Marquee', canActivate: [authGuard], loadComponent: () => import('./tickets/orders.page').then((m) => m.OrdersPage) },
  { path: 'pedidos/:orderId', title: 'Pedido · Marquee', canActivate: [authGuard], loadComponent: () => import('./tickets/order.page').then((m) => m.OrderPage) },
  { path: 'entrar', title: 'Entrar · Marquee', loadComponent: () => import('./account/sign-in.page').then((m) => m.SignInPage) },
  { path: 'cadastro', title: 'Criar conta · Marquee', loadComponent: () => import('./account/register.page').then((m) => m.RegisterPage) },
  { path: 'esqueci-senha', title: 'Esqueci minha senha · Marquee', loadComponent: () => import('./account/forgot.page').then((m) => m.ForgotPage) },
  { path: 'reset-password', title: 'Redefinir senha · Marquee', loadComponent: () => import('./account/reset.page').then((m) => m.ResetPage) },
  { path: 'conta', title: 'Minha conta · Marquee', canActivate: [authGuard], loadComponent: () => import('./account/profile.page').then((m) => m.ProfilePage) },
  { path: '**', redirectTo: '' },
];
