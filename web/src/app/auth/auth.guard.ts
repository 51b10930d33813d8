import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { TokenStore } from './token-store';

export const authGuard: CanActivateFn = (_route, state) => {
  if (inject(TokenStore).tokens()) return true;
  return inject(Router).createUrlTree(['/entrar'], { queryParams: { volta: state.url } });
};
