import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, switchMap, throwError } from 'rxjs';
import { AuthApi } from '../api/api.services';
import { TokenRefresher } from './token-refresher';
import { TokenStore } from './token-store';

function withBearer(req: HttpRequest<unknown>, token: string): HttpRequest<unknown> {
  return req.clone({ setHeaders: { Authorization: `Bearer ${token}` } });
}

/** Adds the Bearer token; on a 401 refreshes once (single flight) and retries; a failed refresh signs out. */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const store = inject(TokenStore);
  const refresher = inject(TokenRefresher);
  const tokens = store.tokens();
  if (!tokens || AuthApi.isAuthUrl(req.url)) return next(req);
  return next(withBearer(req, tokens.accessToken)).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401 || !store.tokens()) return throwError(() => error);
      return refresher.refresh().pipe(
        catchError((refreshError: unknown) => {
          if (refreshError instanceof HttpErrorResponse && (refreshError.status === 401 || refreshError.status === 400)) store.clear();
          return throwError(() => error);
        }),
        switchMap((access) => next(withBearer(req, access))),
      );
    }),
  );
};
