using Marquee.Cinema.Journal;
using Marquee.Cinema.State;
using Marquee.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.Streams;

namespace Marquee.Cinema;

/// <remarks>
/// Event sourced: the seats live in a <see cref="SeatBook"/> that changes only by applying journal
/// events, and what is stored is the layout (once) and those events (<see cref="SeatJournal"/>).
/// Reentrant so that concurrent changes share storage writes: each call validates and raises its
/// events in one synchronous step (turns interleave only at awaits, never inside a change), then waits
/// for the next write that covers them. One write is in flight at a time; whatever events arrive
/// meanwhile go out together in the following one, and each caller is answered only after the write
/// holding its events succeeded. Reads and live viewers see only what storage took.
/// Time changes the map too: holds expire, and sales close a while after the showtime starts. Those
/// are events like any other (written, then published to live viewers), raised by the sweep, by the
/// activation, or by a change that needs the seats; a read only reads.
/// </remarks>
[Reentrant]
public sealed partial class ShowtimeSeatsGrain(
    SeatJournal journal,
    IOptions<CinemaOptions> options,
    BusinessMetrics metrics,
    TimeProvider clock,
    ILogger<ShowtimeSeatsGrain> logger) : Grain, IShowtimeSeatsGrain
{
    /// <summary>The name seat maps were stored whole under before the journal (<see cref="MigrateWholeMapAsync"/>).</summary>
    private const string WholeMapStateName = "seats";

    private SeatBook _book = new();
    private SeatLayout? _unwrittenLayout;
    private readonly List<SeatEvent> _unwritten = [];
    private long _snapshotAt;
    private SeatMapSnapshot? _durable;
    private TaskCompletionSource? _pendingWrite;
    private bool _writing;
    private bool _poisoned;
    private bool _publishedSalesOpen = true;

    private IAsyncStream<SeatMapChanged>? _live;

    private Guid ShowtimeId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _live = this.GetStreamProvider(StreamNames.Live).GetStream<SeatMapChanged>(StreamId.Create(SeatMapStream.Namespace, ShowtimeId));
        if ((await journal.LoadAsync(ShowtimeId) ?? await MigrateWholeMapAsync()) is { } stored)
        {
            _book = SeatBook.Recover(stored.Layout, stored.Snapshot, stored.Events);
            _snapshotAt = stored.Snapshot?.Sequence ?? 0;
            _durable = Picture(changed: null);
        }
        _publishedSalesOpen = !_book.SalesClosed;
        if (_book.SalesClosed)
        {
            return;
        }
        // Whatever time did while nobody had the map loaded (holds run out, sales closed) is done now.
        await SettleTimeAsync();
        this.RegisterGrainTimer(SweepAsync, new GrainTimerCreationOptions(options.Value.ExpirySweepInterval, options.Value.ExpirySweepInterval)
        {
            // The sweep only makes time's changes; it must not keep an idle seat map alive.
            KeepAlive = false,
            Interleave = true,
        });
    }

    /// <summary>A snapshot on the way out, so the next activation replays nothing; best effort, the events are durable.</summary>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_poisoned || _writing || _unwritten.Count > 0 || !_book.IsLaidOut || _book.Version == _snapshotAt)
        {
            return;
        }
        try
        {
            await journal.SaveSnapshotAsync(ShowtimeId, _book.Snapshot()).WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogSnapshotFailed(ex, ShowtimeId);
        }
    }

    public async Task ConfigureAsync(SeatMapSetup setup)
    {
        EnsureUsable();
        var seats = setup.Seats.ToList();
        if (seats.Count == 0 || seats.Select(seat => seat.Label).Distinct(StringComparer.Ordinal).Count() != seats.Count)
        {
            throw new InvalidInputException("seats", "A layout needs at least one seat and unique seat labels.");
        }
        if (_book.IsLaidOut)
        {
            if (_book.Layout.Seats.SequenceEqual(seats) && _book.Layout.RowsFrontToBack.SequenceEqual(setup.RowsFrontToBack))
            {
                // Answered once the layout is durable, as the first call was.
                await PersistAsync();
                return;
            }
            throw new ConflictException("This showtime already has a different seat layout.");
        }
        var layout = new SeatLayout([.. setup.RowsFrontToBack], seats, setup.StartsAt is { } start ? ToMicroseconds(start) : null);
        _book.SetLayout(layout);
        _unwrittenLayout = layout;
        await PersistAsync();
        await SettleTimeAsync();
    }

    public Task<SeatMapSnapshot> GetSeatMapAsync() => Task.FromResult(CurrentSnapshot());

    public Task<SeatMapSnapshot?> GetSeatMapIfChangedAsync(long knownVersion)
    {
        var snapshot = CurrentSnapshot();
        return Task.FromResult(snapshot.Version == knownVersion ? null : snapshot);
    }

    public async Task<IReadOnlyList<SeatHistoryEntry>> GetSeatHistoryAsync(string seat)
    {
        CurrentSnapshot();
        var label = seat.Trim().ToUpperInvariant();
        if (!_book.Exists(label))
        {
            throw new NotFoundException($"This showtime has no seat {label}.");
        }
        return await journal.HistoryAsync(ShowtimeId, label);
    }

    /// <summary>The map as storage has it: never a change whose write is still in flight, or may yet fail.</summary>
    private SeatMapSnapshot CurrentSnapshot()
    {
        var durable = _durable ?? throw new NotFoundException("No such showtime.");
        if (!durable.SalesOpen)
        {
            // Only a refund still changes a closed map: answer, and let go of the memory (the API keeps a copy a minute).
            DeactivateOnIdle();
        }
        return durable;
    }

    public async Task<HoldConfirmation> HoldSeatsAsync(Guid userId, IReadOnlyList<string> seats)
    {
        EnsureUsable();
        await SettleTimeAsync();
        EnsureSalesOpen();
        var labels = seats.Select(seat => seat.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (labels.Count == 0)
        {
            throw new InvalidInputException("seats", "Name at least one seat.");
        }
        var unavailable = labels.Where(label => !_book.IsFree(label)).ToList();
        if (unavailable.Count > 0)
        {
            throw new SeatsUnavailableException(unavailable);
        }
        return await HoldAsync(userId, labels);
    }

    public async Task<HoldConfirmation> HoldBestAvailableAsync(Guid userId, int quantity, SeatKind kind)
    {
        EnsureUsable();
        await SettleTimeAsync();
        EnsureSalesOpen();
        if (quantity < 1 || quantity > options.Value.MaxSeatsPerUser)
        {
            throw new InvalidInputException("quantity", $"Ask for 1 to {options.Value.MaxSeatsPerUser} seats.");
        }
        if (kind == SeatKind.Blocked)
        {
            throw new InvalidInputException("seatKind", "Blocked seats are not for sale.");
        }
        var block = BestAvailable.Pick(_book.Layout.RowsFrontToBack, _book.Layout.Seats, seat => _book.IsFree(seat.Label), quantity, kind)
            ?? throw new ConflictException($"No {quantity} adjacent {kind.ToString().ToLowerInvariant()} seats are free in one row.");
        return await HoldAsync(userId, block.Select(seat => seat.Label).ToList());
    }

    public async Task ReleaseHoldAsync(Guid userId, Guid holdId)
    {
        EnsureUsable();
        if (!_book.IsLaidOut)
        {
            throw new NotFoundException("No such showtime.");
        }
        if (!_book.Holds.TryGetValue(holdId, out var hold))
        {
            // Gone already, perhaps by a release still being written: answer once that is durable.
            await PersistAsync();
            return;
        }
        if (hold.UserId != userId)
        {
            // Somebody else's hold is indistinguishable from a missing one.
            throw new NotFoundException("No such hold.");
        }
        if (hold.OrderId is { } orderId)
        {
            throw new ConflictException($"The hold belongs to order {orderId}; cancel the order instead.");
        }
        Raise(SeatEventKind.Released, holdId, hold.UserId, null, hold.Seats);
        await PersistAsync();
        metrics.HoldsReleased(1);
    }

    public async Task<IReadOnlyList<SeatDefinition>> AttachHoldAsync(Guid userId, Guid holdId, Guid orderId, IReadOnlyList<string> seats)
    {
        EnsureUsable();
        await SettleTimeAsync();
        EnsureSalesOpen();
        if (!_book.Holds.TryGetValue(holdId, out var hold) || hold.UserId != userId)
        {
            throw new ConflictException("The hold has expired or does not exist.");
        }
        if (seats.Count != hold.Seats.Count || !hold.Seats.ToHashSet(StringComparer.Ordinal).SetEquals(seats))
        {
            throw new InvalidInputException("tickets", $"Give one ticket for each held seat: {string.Join(", ", hold.Seats)}.");
        }
        var held = hold.Seats.Select(_book.Seat).ToList();
        if (hold.OrderId == orderId)
        {
            // Answered once the attachment is durable, as the first call was.
            await PersistAsync();
            return held;
        }
        if (hold.OrderId is not null)
        {
            throw new ConflictException("The hold already belongs to another order.");
        }
        Raise(SeatEventKind.AttachedToOrder, holdId, userId, orderId, hold.Seats, NoLaterThanClose(clock.GetUtcNow() + options.Value.OrderHoldDuration));
        await PersistAsync();
        return held;
    }

    public Task<bool> IsHeldForOrderAsync(Guid holdId, Guid orderId)
    {
        EnsureUsable();
        if (_book.Sales.TryGetValue(orderId, out var sale))
        {
            return Task.FromResult(sale.HoldId == holdId);
        }
        // Time's changes may not be made yet; a hold past its moment counts as gone, as the confirm will find it.
        return Task.FromResult(_book.Holds.TryGetValue(holdId, out var hold) && hold.OrderId == orderId
            && hold.ExpiresAt > clock.GetUtcNow() && !_book.SalesClosed);
    }

    public async Task<IReadOnlyList<string>> ConfirmHoldAsync(Guid userId, Guid holdId, Guid orderId)
    {
        EnsureUsable();
        if (_book.Sales.TryGetValue(orderId, out var done))
        {
            if (done.HoldId != holdId)
            {
                throw new ConflictException("This order already bought other seats.");
            }
            await PersistAsync();
            return done.Seats;
        }
        await SettleTimeAsync();
        if (_book.Sales.TryGetValue(orderId, out var soldMeanwhile) && soldMeanwhile.HoldId == holdId)
        {
            // A repeat of this confirm, interleaved at the await above, sold it.
            await PersistAsync();
            return soldMeanwhile.Seats;
        }
        if (!_book.Holds.TryGetValue(holdId, out var hold) || hold.UserId != userId || (hold.OrderId is { } owner && owner != orderId))
        {
            throw new ConflictException("The hold has expired or does not exist.");
        }
        Raise(SeatEventKind.Sold, holdId, hold.UserId, orderId, hold.Seats);
        await PersistAsync();
        return hold.Seats;
    }

    public async Task ReleaseOrderAsync(Guid orderId)
    {
        EnsureUsable();
        var attached = _book.Holds.Where(entry => entry.Value.OrderId == orderId).ToList();
        foreach (var (holdId, hold) in attached)
        {
            Raise(SeatEventKind.OrderReleased, holdId, hold.UserId, orderId, hold.Seats);
        }
        if (_book.Sales.TryGetValue(orderId, out var sale))
        {
            Raise(SeatEventKind.Refunded, sale.HoldId, sale.UserId, orderId, sale.Seats);
        }
        // Also when nothing changed now: a repeat is answered only once what the first call did is durable.
        await PersistAsync();
        if (attached.Count > 0)
        {
            metrics.HoldsReleased(attached.Count);
        }
    }

    private async Task<HoldConfirmation> HoldAsync(Guid userId, List<string> labels)
    {
        var owned = _book.SeatsOwnedBy(userId);
        if (owned + labels.Count > options.Value.MaxSeatsPerUser)
        {
            throw new InvalidInputException("seats", $"At most {options.Value.MaxSeatsPerUser} seats per person per showtime; you have {owned}.");
        }
        var holdId = Guid.NewGuid();
        var held = Raise(SeatEventKind.Held, holdId, userId, null, labels, NoLaterThanClose(clock.GetUtcNow() + options.Value.HoldDuration));
        await PersistAsync();
        metrics.HoldCreated();
        return new HoldConfirmation(holdId, labels, held.ExpiresAt!.Value);
    }

    /// <summary>After a failed write, memory may hold changes storage lacks: refuse work until reloaded.</summary>
    private void EnsureUsable()
    {
        if (_poisoned)
        {
            throw new TemporarilyUnavailableException("The seat map is reloading; retry in a moment.");
        }
    }

    /// <summary>When sales close, or null when they never do (a layout without a showtime start).</summary>
    private DateTimeOffset? SalesCloseAt => _book.Layout.StartsAt + options.Value.SalesCloseAfterStart;

    /// <summary>No hold outlives the close of sales.</summary>
    private DateTimeOffset NoLaterThanClose(DateTimeOffset expiresAt) => SalesCloseAt is { } close && close < expiresAt ? close : expiresAt;

    private void EnsureSalesOpen()
    {
        if (_book.SalesClosed)
        {
            throw new SalesClosedException(SalesCloseAt ?? clock.GetUtcNow());
        }
    }

    /// <summary>
    /// Makes the changes time brings: sales close once their moment passed (every hold let go first),
    /// holds past their expiry are let go. Expiry is decided by the stored expiry instant, so a reload
    /// reaches the same verdict.
    /// </summary>
    private async Task SettleTimeAsync()
    {
        if (!_book.IsLaidOut || _book.SalesClosed)
        {
            return;
        }
        var now = clock.GetUtcNow();
        var closing = SalesCloseAt is { } close && now >= close;
        var ended = _book.Holds.Where(entry => closing || entry.Value.ExpiresAt <= now).ToList();
        foreach (var (holdId, hold) in ended)
        {
            Raise(SeatEventKind.Expired, holdId, hold.UserId, hold.OrderId, hold.Seats);
        }
        if (closing)
        {
            Raise(SeatEventKind.SalesClosed, null, null, null, []);
        }
        if (ended.Count == 0 && !closing)
        {
            return;
        }
        await PersistAsync();
        metrics.HoldsExpired(ended.Count);
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        if (!_book.IsLaidOut || _poisoned)
        {
            return;
        }
        await SettleTimeAsync();
        if (_book.SalesClosed)
        {
            DeactivateOnIdle();
        }
    }

    /// <summary>
    /// Applies an event and queues it for the next write. Its instants are cut to PostgreSQL's
    /// microseconds first, so the map a recovery replays expires holds at the very instants this one does.
    /// </summary>
    private SeatEvent Raise(SeatEventKind kind, Guid? holdId, Guid? userId, Guid? orderId, IReadOnlyList<string> seats, DateTimeOffset? expiresAt = null)
    {
        // A call that passed its first check may resume after a write failed: nothing more goes on top of memory storage lacks.
        EnsureUsable();
        var change = new SeatEvent(_book.Version + 1, ToMicroseconds(clock.GetUtcNow()), kind, holdId, userId, orderId, [.. seats],
            expiresAt is { } instant ? ToMicroseconds(instant) : null);
        _book.Apply(change);
        _unwritten.Add(change);
        return change;
    }

    private static DateTimeOffset ToMicroseconds(DateTimeOffset instant) => instant.AddTicks(-(instant.Ticks % TimeSpan.TicksPerMicrosecond));

    /// <summary>Completes once a storage write that includes every event raised so far has succeeded.</summary>
    private Task PersistAsync()
    {
        if (_poisoned)
        {
            return Task.FromException(new TemporarilyUnavailableException("The seat map is reloading; retry in a moment."));
        }
        if (!_writing && _unwritten.Count == 0 && _unwrittenLayout is null)
        {
            return Task.CompletedTask;
        }
        _pendingWrite ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var covering = _pendingWrite.Task;
        if (!_writing)
        {
            _ = WriteLoopAsync();
        }
        return covering;
    }

    private async Task WriteLoopAsync()
    {
        _writing = true;
        try
        {
            while (_pendingWrite is { } batch)
            {
                _pendingWrite = null;
                var snapshotDue = _book.Version - _snapshotAt >= options.Value.SnapshotEveryEvents;
                var write = new SeatJournalWrite(_unwrittenLayout, [.. _unwritten], snapshotDue ? _book.Snapshot() : null);
                _unwrittenLayout = null;
                _unwritten.Clear();
                // Memory is exactly what this write leaves in storage until the next await: take its picture now.
                var changed = write.Events.SelectMany(change => change.Seats).ToHashSet(StringComparer.Ordinal);
                var picture = Picture(write.Layout is null ? changed : null);
                try
                {
                    await journal.AppendAsync(ShowtimeId, write);
                }
                catch (Exception ex)
                {
                    // Memory now holds events storage may not have, and nobody was told they succeeded. Drop
                    // the activation (the next one starts from storage); calls interleaved before it goes are refused.
                    LogWriteFailed(ex, ShowtimeId);
                    _poisoned = true;
                    _unwritten.Clear();
                    _unwrittenLayout = null;
                    DeactivateOnIdle();
                    batch.SetException(ex);
                    _pendingWrite?.SetException(ex);
                    _pendingWrite = null;
                    return;
                }
                _durable = picture;
                if (write.Snapshot is { } snapshot)
                {
                    _snapshotAt = snapshot.Sequence;
                }
                batch.SetResult();
                await PublishAsync(picture, changed);
            }
        }
        finally
        {
            _writing = false;
        }
    }

    /// <summary>
    /// The public map as memory has it now. With <paramref name="changed"/>, the durable picture with
    /// just those seats redrawn, so a write costs its changes and not the whole room.
    /// </summary>
    private SeatMapSnapshot Picture(HashSet<string>? changed)
    {
        var layout = _book.Layout.Seats;
        SeatView[] seats;
        if (_durable is null || changed is null)
        {
            seats = new SeatView[layout.Count];
            for (var position = 0; position < seats.Length; position++)
            {
                seats[position] = _book.View(position);
            }
        }
        else
        {
            seats = [.. _durable.Seats];
            foreach (var label in changed)
            {
                var position = _book.PositionOf(label);
                seats[position] = _book.View(position);
            }
        }
        var capacity = _durable?.Capacity ?? layout.Count(seat => seat.Kind != SeatKind.Blocked);
        return new SeatMapSnapshot(ShowtimeId, _book.Version, capacity, seats, !_book.SalesClosed);
    }

    /// <summary>
    /// Tells live viewers which seats the write just made durable changed, as that write has them: its
    /// version and those seats' statuses. Best effort: a lost event costs a snapshot re-read, never a seat.
    /// </summary>
    private async Task PublishAsync(SeatMapSnapshot written, HashSet<string> changed)
    {
        if (changed.Count == 0 && written.SalesOpen == _publishedSalesOpen)
        {
            return;
        }
        _publishedSalesOpen = written.SalesOpen;
        var views = changed.Select(label => written.Seats[_book.PositionOf(label)]).ToList();
        try
        {
            await _live!.OnNextAsync(new SeatMapChanged(ShowtimeId, written.Version, views, written.SalesOpen));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogPublishFailed(ex, ShowtimeId);
        }
    }

    /// <summary>
    /// A seat map stored whole, as before the journal, moves into it on its first activation: its layout,
    /// and a snapshot at its version so viewers' versions keep rising. The whole map is then removed.
    /// Two activations migrating at once cannot both succeed: the layout is written once.
    /// </summary>
    private async Task<StoredSeats?> MigrateWholeMapAsync()
    {
        var storage = ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Cinema);
        var whole = new GrainState<SeatMapState>();
        await storage.ReadStateAsync(WholeMapStateName, this.GetGrainId(), whole);
        var map = whole.State;
        if (!whole.RecordExists || map is null || map.Seats.Count == 0)
        {
            return null;
        }
        var startsAt = map.StartsAt ?? (map.SalesClosed ? null : await StartOfShowtimeAsync());
        var layout = new SeatLayout(map.Rows, map.Seats, startsAt is { } start ? ToMicroseconds(start) : null);
        var snapshot = new SeatBookSnapshot(map.Version, map.Holds, map.Sales, map.SalesClosed);
        await journal.AppendAsync(ShowtimeId, new SeatJournalWrite(layout, [], snapshot));
        LogMigrated(ShowtimeId, map.Version);
        try
        {
            await storage.ClearStateAsync(WholeMapStateName, this.GetGrainId(), whole);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Harmless: the journal has the layout now, so the whole map is never read again.
            LogWholeMapKept(ex, ShowtimeId);
        }
        return new StoredSeats(layout, snapshot, []);
    }

    private async Task<DateTimeOffset?> StartOfShowtimeAsync()
    {
        try
        {
            return (await GrainFactory.GetGrain<IShowtimesGrain>(0).GetAsync(ShowtimeId)).StartsAt;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seat map {ShowtimeId} change could not be published to live viewers")]
    private partial void LogPublishFailed(Exception exception, Guid showtimeId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Seat map {ShowtimeId} could not be written; reloading from storage")]
    private partial void LogWriteFailed(Exception exception, Guid showtimeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seat map {ShowtimeId} could not store its snapshot on deactivation; the next activation replays its events")]
    private partial void LogSnapshotFailed(Exception exception, Guid showtimeId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seat map {ShowtimeId} moved into the seat journal at version {Version}")]
    private partial void LogMigrated(Guid showtimeId, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seat map {ShowtimeId} is in the journal, but its whole-map row could not be removed")]
    private partial void LogWholeMapKept(Exception exception, Guid showtimeId);
}
