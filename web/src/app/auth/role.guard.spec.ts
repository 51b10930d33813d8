import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRouteSnapshot, Router, RouterStateSnapshot, UrlTree, provideRouter } from '@angular/router';
import { Observable, firstValueFrom } from 'rxjs';
import { roleGuard } from './role.guard';
import { TokenStore } from './token-store';

describe('roleGuard', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });

  function run(): Promise<boolean | UrlTree> {
    const result = TestBed.runInInjectionContext(() =>
      roleGuard('manager', 'admin')({} as ActivatedRouteSnapshot, { url: '/equipe/pacotes' } as RouterStateSnapshot));
    return firstValueFrom(result as Observable<boolean | UrlTree>);
  }

  const url = (tree: boolean | UrlTree) => TestBed.inject(Router).serializeUrl(tree as UrlTree);

  it('sends the signed out to sign in, coming back here after', async () => {
    expect(url(await run())).toBe('/entrar?volta=%2Fequipe%2Fpacotes');
  });

  it('lets staff in and shows customers the not-allowed page', async () => {
    TestBed.inject(TokenStore).set({ accessToken: 'a', refreshToken: 'r', expiresIn: 900, tokenType: 'Bearer' });
    const asCustomer = run();
    http.expectOne('/api/v1/users/me').flush({ id: 'u', email: 'c@x', displayName: 'C', roles: ['customer'], createdAt: '' });
    expect(url(await asCustomer)).toBe('/sem-permissao');
  });

  it('lets a manager in', async () => {
    TestBed.inject(TokenStore).set({ accessToken: 'a', refreshToken: 'r', expiresIn: 900, tokenType: 'Bearer' });
    const asManager = run();
    http.expectOne('/api/v1/users/me').flush({ id: 'u', email: 'm@x', displayName: 'M', roles: ['customer', 'manager'], createdAt: '' });
    expect(await asManager).toBe(true);
  });
});
