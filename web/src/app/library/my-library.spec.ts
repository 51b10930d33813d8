import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { Package, Subscription } from '../api/models';
import { MyLibrary } from './my-library';

const pkg = (id: string, genreIds: number[]): Package => ({
  id, name: id, genreIds, description: '', priceCents: 1990, currency: 'BRL', createdAt: '', updatedAt: '', version: 1, retired: false,
});
const page = <T>(data: T[]) => ({ data, pagination: { pageNumber: 1, pageSize: 100, totalPages: 1, lastPage: true, firstPage: true } });

describe('MyLibrary', () => {
  let library: MyLibrary;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    library = TestBed.inject(MyLibrary);
    http = TestBed.inject(HttpTestingController);
  });

  it("offers the union of the active packages' genres, named and in pt-BR order", async () => {
    const loaded = firstValueFrom(library.load());
    const subscriptions: Subscription[] = [{ package: pkg('a', [28, 16]), subscribedAt: '' }, { package: pkg('b', [16, 35]), subscribedAt: '' }];
    http.expectOne((r) => r.url === '/api/v1/users/me/subscriptions').flush(page(subscriptions));
    const names = http.expectOne((r) => r.url === '/api/v1/genres');
    expect(names.request.params.get('ids')).toBe('28,16,35');
    names.flush(page([{ id: 28, name: 'Ação', active: true }, { id: 16, name: 'Animação', active: true }, { id: 35, name: 'Comédia', active: true }]));
    await loaded;

    expect(library.myGenres().map((g) => g.name)).toEqual(['Ação', 'Animação', 'Comédia']);
    expect([...library.subscribedPackageIds()]).toEqual(['a', 'b']);
  });

  it('records a mark or an unmark only once the API took it', async () => {
    const marked = firstValueFrom(library.setWatched(550, true));
    expect(library.watchedIds().has(550)).toBe(false);
    http.expectOne({ method: 'PUT', url: '/api/v1/users/me/watched/550' }).flush({ movie: { id: 550 }, watchedAt: '' });
    await marked;
    expect(library.watchedIds().has(550)).toBe(true);

    const refused = firstValueFrom(library.setWatched(550, false)).catch(() => 'refused');
    http.expectOne({ method: 'DELETE', url: '/api/v1/users/me/watched/550' }).flush({ title: 'Unavailable' }, { status: 503, statusText: 'Unavailable' });
    expect(await refused).toBe('refused');
    expect(library.watchedIds().has(550)).toBe(true);
  });
});
