using Marquee.Cinema;
using Marquee.Cinema.Journal;
using Npgsql;

namespace Marquee.Grains.Tests.Cinema;

/// <summary>The seat journal on the real PostgreSQL: recovery from a snapshot plus the events after it, and one writer per event.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SeatJournalTests(ClusterFixture fixture) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 20, 0, 0, TimeSpan.Zero);

    private static readonly SeatLayout Layout = new(Layouts.Standard().RowsFrontToBack, Layouts.Standard().Seats, Now.AddHours(2));

    private NpgsqlDataSource _database = null!;

    private SeatJournal Journal => new(_database);

    public Task InitializeAsync()
    {
        _database = NpgsqlDataSource.Create(fixture.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ARecoveryReplaysTheEventsAfterTheLatestSnapshotToTheStateItHadLive()
    {
        var showtime = Guid.NewGuid();
        var live = new SeatBook();
        live.SetLayout(Layout);
        var script = new Script(live);
        var (alice, bob, carol) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var (aliceHold, bobHold, carolHold, aliceOrder, carolOrder) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        script.Raise(SeatEventKind.Held, aliceHold, alice, null, ["F7", "F8"], Now.AddMinutes(10));
        script.Raise(SeatEventKind.Held, bobHold, bob, null, ["A5"], Now.AddMinutes(10));
        script.Raise(SeatEventKind.AttachedToOrder, aliceHold, alice, aliceOrder, ["F7", "F8"], Now.AddHours(1));
        script.Raise(SeatEventKind.Sold, aliceHold, alice, aliceOrder, ["F7", "F8"]);
        script.Raise(SeatEventKind.Expired, bobHold, bob, null, ["A5"]);
        await Journal.AppendAsync(showtime, new SeatJournalWrite(Layout, script.Take(), live.Snapshot()));
        script.Raise(SeatEventKind.Held, carolHold, carol, null, ["A5", "A6"], Now.AddMinutes(12));
        script.Raise(SeatEventKind.AttachedToOrder, carolHold, carol, carolOrder, ["A5", "A6"], Now.AddHours(1));
        script.Raise(SeatEventKind.OrderReleased, carolHold, carol, carolOrder, ["A5", "A6"]);
        script.Raise(SeatEventKind.Refunded, aliceHold, alice, aliceOrder, ["F7", "F8"]);
        script.Raise(SeatEventKind.Held, bobHold = Guid.NewGuid(), bob, null, ["F7"], Now.AddMinutes(15));
        await Journal.AppendAsync(showtime, new SeatJournalWrite(null, script.Take(), null));

        var stored = await Journal.LoadAsync(showtime);

        Assert.NotNull(stored);
        Assert.Equal(5, stored.Snapshot!.Sequence);
        Assert.Equal([6L, 7, 8, 9, 10], stored.Events.Select(change => change.Sequence));
        var recovered = SeatBook.Recover(stored.Layout, stored.Snapshot, stored.Events);
        Assert.Equal(10, recovered.Version);
        Assert.Equal(Layout.StartsAt, stored.Layout.StartsAt);
        Assert.Equal(Enumerable.Range(0, Layout.Seats.Count).Select(live.View), Enumerable.Range(0, Layout.Seats.Count).Select(recovered.View));
        Assert.Equal(bob, Assert.Single(recovered.Holds).Value.UserId);
        Assert.Equal(Now.AddMinutes(15), recovered.Holds[bobHold].ExpiresAt);
        Assert.Empty(recovered.Sales);
    }

    [Fact]
    public async Task AWriteWhoseEventAnotherActivationWroteFirstFailsWholeAndLeavesNothingOfItself()
    {
        var showtime = Guid.NewGuid();
        var first = new SeatBook();
        first.SetLayout(Layout);
        var winner = new Script(first);
        winner.Raise(SeatEventKind.Held, Guid.NewGuid(), Guid.NewGuid(), null, ["F7"], Now.AddMinutes(10));
        await Journal.AppendAsync(showtime, new SeatJournalWrite(Layout, winner.Take(), null));
        // A stale activation, loaded before that write, validated against a map without it.
        var stale = new SeatBook();
        stale.SetLayout(Layout);
        var loser = new Script(stale);
        loser.Raise(SeatEventKind.Held, Guid.NewGuid(), Guid.NewGuid(), null, ["F7"], Now.AddMinutes(10));
        loser.Raise(SeatEventKind.Held, Guid.NewGuid(), Guid.NewGuid(), null, ["F8"], Now.AddMinutes(10));

        var refused = await Assert.ThrowsAsync<Orleans.Storage.InconsistentStateException>(() => Journal.AppendAsync(showtime, new SeatJournalWrite(null, loser.Take(), stale.Snapshot())));

        Assert.Contains("seat_events_pkey", refused.Message, StringComparison.Ordinal);
        var stored = await Journal.LoadAsync(showtime);
        Assert.Null(stored!.Snapshot);
        Assert.Equal(["F7"], Assert.Single(stored.Events).Seats);
    }

    [Fact]
    public async Task AnOlderSnapshotNeverReplacesANewerOne()
    {
        var showtime = Guid.NewGuid();
        var book = new SeatBook();
        book.SetLayout(Layout);
        var script = new Script(book);
        script.Raise(SeatEventKind.Held, Guid.NewGuid(), Guid.NewGuid(), null, ["F7"], Now.AddMinutes(10));
        var older = book.Snapshot();
        script.Raise(SeatEventKind.Held, Guid.NewGuid(), Guid.NewGuid(), null, ["F8"], Now.AddMinutes(10));
        await Journal.AppendAsync(showtime, new SeatJournalWrite(Layout, script.Take(), book.Snapshot()));

        await Journal.SaveSnapshotAsync(showtime, older);

        var stored = await Journal.LoadAsync(showtime);
        Assert.Equal(2, stored!.Snapshot!.Sequence);
        Assert.Equal(2, stored.Snapshot.Holds.Count);
        Assert.Empty(stored.Events);
    }

    [Fact]
    public void AnEventThatDoesNotFollowTheVersionIsRefused()
    {
        var book = new SeatBook();
        book.SetLayout(Layout);

        Assert.Throws<InvalidOperationException>(() =>
            book.Apply(new SeatEvent(2, Now, SeatEventKind.Held, Guid.NewGuid(), Guid.NewGuid(), null, ["F7"], Now.AddMinutes(10))));
        Assert.Equal(0, book.Version);
    }

    /// <summary>Raises events on a book as the grain does, and hands over those not yet written.</summary>
    private sealed class Script(SeatBook book)
    {
        private readonly List<SeatEvent> _unwritten = [];

        public void Raise(SeatEventKind kind, Guid holdId, Guid userId, Guid? orderId, string[] seats, DateTimeOffset? expiresAt = null)
        {
            var change = new SeatEvent(book.Version + 1, Now, kind, holdId, userId, orderId, seats, expiresAt);
            book.Apply(change);
            _unwritten.Add(change);
        }

        public List<SeatEvent> Take()
        {
            var taken = _unwritten.ToList();
            _unwritten.Clear();
            return taken;
        }
    }
}
