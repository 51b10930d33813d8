import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { authInterceptor } from './auth.interceptor';
import { TokenStore } from './token-store';

describe('authInterceptor', () => {
  let http: HttpClient;
  let ctl: HttpTestingController;
  let store: TokenStore;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpClient);
    ctl = TestBed.inject(HttpTestingController);
    store = TestBed.inject(TokenStore);
    store.set({ accessToken: 'old', refreshToken: 'r1', expiresIn: 900, tokenType: 'Bearer' });
  });

  it('shares one refresh between concurrent 401s and stores the rotated token', async () => {
    const a = firstValueFrom(http.get('/api/v1/users/me'));
    const b = firstValueFrom(http.get('/api/v1/users/me/orders'));
    const first = ctl.match((r) => r.url.startsWith('/api/v1/users/me'));
    expect(first.length).toBe(2);
    expect(first[0].request.headers.get('Authorization')).toBe('Bearer old');
    first.forEach((r) => r.flush({ title: 'Unauthorized' }, { status: 401, statusText: 'Unauthorized' }));

    const refresh = ctl.match('/api/v1/auth/refresh');
    expect(refresh.length).toBe(1);
    expect(refresh[0].request.body).toEqual({ refreshToken: 'r1' });
    refresh[0].flush({ accessToken: 'new', refreshToken: 'r2', expiresIn: 900, tokenType: 'Bearer' });

    const retried = ctl.match((r) => r.url.startsWith('/api/v1/users/me'));
    expect(retried.length).toBe(2);
    retried.forEach((r) => {
      expect(r.request.headers.get('Authorization')).toBe('Bearer new');
      r.flush({ ok: true });
    });
    await expect(a).resolves.toEqual({ ok: true });
    await expect(b).resolves.toEqual({ ok: true });
    expect(store.tokens()).toEqual({ accessToken: 'new', refreshToken: 'r2' });
    ctl.verify();
  });

  it('signs out when the refresh itself is refused', async () => {
    const a = firstValueFrom(http.get('/api/v1/users/me'));
    ctl.expectOne('/api/v1/users/me').flush({}, { status: 401, statusText: 'Unauthorized' });
    ctl.expectOne('/api/v1/auth/refresh').flush({}, { status: 401, statusText: 'Unauthorized' });
    await expect(a).rejects.toBeTruthy();
    expect(store.tokens()).toBeNull();
    ctl.verify();
  });
});
