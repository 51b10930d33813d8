import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { map } from 'rxjs';
import { Role } from '../api/models';
import { Session } from './session';

/**
 * Lets in users holding any of `roles`; sends the signed out to sign in and everyone else to the
 * "not allowed" page. Only what is shown: the API refuses the calls anyway.
 */
export function roleGuard(...roles: Role[]): CanActivateFn {
  return (_route, state) => {
    const router = inject(Router);
    return inject(Session).currentUser().pipe(map((user) => {
      if (!user) return router.createUrlTree(['/entrar'], { queryParams: { volta: state.url } });
      return roles.some((role) => user.roles.includes(role)) ? true : router.createUrlTree(['/sem-permissao']);
    }));
  };
}
