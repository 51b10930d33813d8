using Marquee.Cinema.State;
using Marquee.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Runtime;
using Orleans.Streams;

namespace Marquee.Cinema;

/// <remarks>
/// Reentrant so that concurrent changes share storage writes: each call changes the in-memory map in
/// one synchronous step (turns interleave only at awaits, never inside a change), then waits for the
/// next write that covers it. One write is in flight at a time; whatever changes arrive meanwhile go
/// out together in the following one, and each caller is answered only after the write holding its
/// change succeeded.
/// Time changes the map too: holds expire, and sales close a while after the showtime starts. Those
/// are changes like any other (persisted, then published to live viewers), made by the sweep, by the
/// activation, or by a change that needs the seats; a read only reads.
/// </remarks>
[Reentrant]
public sealed partial class ShowtimeSeatsGrain(
    [PersistentState("seats", StorageNames.Cinema)] IPersistentState<SeatMapState> state,
    IOptions<CinemaOptions> options,
    BusinessMetrics metrics,
    TimeProvider clock,
    ILogger<ShowtimeSeatsGrain> logger) : Grain, IShowtimeSeatsGrain
{
    private readonly Dictionary<string, SeatDefinition> _seats = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid> _heldBy = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid> _soldTo = new(StringComparer.Ordinal);
    private SeatMapState _map = new();
    private SeatMapSnapshot? _snapshot;
    private TaskCompletionSource? _pendingWrite;
    private bool _writing;
    private bool _poisoned;
    private readonly HashSet<string> _unpublished = new(StringComparer.Ordinal);
    private bool _publishedSalesOpen = true;

    private IAsyncStream<SeatMapChanged>? _live;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _live = this.GetStreamProvider(StreamNames.Live).GetStream<SeatMapChanged>(StreamId.Create(SeatMapStream.Namespace, this.GetPrimaryKey()));
        _map = state.State.Clone();
        _publishedSalesOpen = !_map.SalesClosed;
        Reindex();
        if (_map.SalesClosed)
        {
            return;
        }
        if (_map.Seats.Count > 0 && _map.StartsAt is null)
        {
            // A seat map from before sales closed learns its showtime's start once (written with its next change).
            _map.StartsAt = await StartOfShowtimeAsync();
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

    public async Task ConfigureAsync(SeatMapSetup setup)
    {
        EnsureUsable();
        var seats = setup.Seats.ToList();
        if (seats.Count == 0 || seats.Select(seat => seat.Label).Distinct(StringComparer.Ordinal).Count() != seats.Count)
        {
            throw new InvalidInputException("seats", "A layout needs at least one seat and unique seat labels.");
        }
        if (_map.Seats.Count > 0)
        {
            if (_map.Seats.SequenceEqual(seats) && _map.Rows.SequenceEqual(setup.RowsFrontToBack))
            {
                return;
            }
            throw new ConflictException("This showtime already has a different seat layout.");
        }
        _map.Rows = [.. setup.RowsFrontToBack];
        _map.Seats = seats;
        _map.StartsAt = setup.StartsAt;
        Changed();
        Reindex();
        await PersistAsync();
        await SettleTimeAsync();
    }

    public Task<SeatMapSnapshot> GetSeatMapAsync() => Task.FromResult(CurrentSnapshot());

    public Task<SeatMapSnapshot?> GetSeatMapIfChangedAsync(long knownVersion)
    {
        var snapshot = CurrentSnapshot();
        return Task.FromResult(snapshot.Version == knownVersion ? null : snapshot);
    }

    private SeatMapSnapshot CurrentSnapshot()
    {
        if (_map.Seats.Count == 0)
        {
            throw new NotFoundException("No such showtime.");
        }
        if (_map.SalesClosed)
        {
            // Only a refund still changes a closed map: answer, and let go of the memory (the API keeps a copy a minute).
            DeactivateOnIdle();
        }
        return _snapshot ??= BuildSnapshot();
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
        var unavailable = labels.Where(label => !IsFree(label)).ToList();
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
        var block = BestAvailable.Pick(_map.Rows, _map.Seats, seat => IsFree(seat.Label), quantity, kind)
            ?? throw new ConflictException($"No {quantity} adjacent {kind.ToString().ToLowerInvariant()} seats are free in one row.");
        return await HoldAsync(userId, block.Select(seat => seat.Label).ToList());
    }

    public async Task ReleaseHoldAsync(Guid userId, Guid holdId)
    {
        EnsureUsable();
        if (_map.Seats.Count == 0)
        {
            throw new NotFoundException("No such showtime.");
        }
        if (!_map.Holds.TryGetValue(holdId, out var hold))
        {
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
        RemoveHold(holdId, hold);
        Changed(hold.Seats);
        await PersistAsync();
        metrics.HoldsReleased(1);
    }

    public async Task<IReadOnlyList<SeatDefinition>> AttachHoldAsync(Guid userId, Guid holdId, Guid orderId, IReadOnlyList<string> seats)
    {
        EnsureUsable();
        await SettleTimeAsync();
        EnsureSalesOpen();
        if (!_map.Holds.TryGetValue(holdId, out var hold) || hold.UserId != userId)
        {
            throw new ConflictException("The hold has expired or does not exist.");
        }
        if (seats.Count != hold.Seats.Count || !hold.Seats.ToHashSet(StringComparer.Ordinal).SetEquals(seats))
        {
            throw new InvalidInputException("tickets", $"Give one ticket for each held seat: {string.Join(", ", hold.Seats)}.");
        }
        var held = hold.Seats.Select(label => _seats[label]).ToList();
        if (hold.OrderId == orderId)
        {
            return held;
        }
        if (hold.OrderId is not null)
        {
            throw new ConflictException("The hold already belongs to another order.");
        }
        _map.Holds[holdId] = hold with { OrderId = orderId, ExpiresAt = NoLaterThanClose(clock.GetUtcNow() + options.Value.OrderHoldDuration) };
        Changed();
        await PersistAsync();
        return held;
    }

    public Task<bool> IsHeldForOrderAsync(Guid holdId, Guid orderId)
    {
        if (_map.Sales.TryGetValue(orderId, out var sale))
        {
            return Task.FromResult(sale.HoldId == holdId);
        }
        // Time's changes may not be made yet; a hold past its moment counts as gone, as the confirm will find it.
        return Task.FromResult(_map.Holds.TryGetValue(holdId, out var hold) && hold.OrderId == orderId
            && hold.ExpiresAt > clock.GetUtcNow() && !_map.SalesClosed);
    }

    public async Task<IReadOnlyList<string>> ConfirmHoldAsync(Guid userId, Guid holdId, Guid orderId)
    {
        EnsureUsable();
        if (_map.Sales.TryGetValue(orderId, out var done))
        {
            return done.HoldId == holdId ? done.Seats : throw new ConflictException("This order already bought other seats.");
        }
        await SettleTimeAsync();
        if (!_map.Holds.TryGetValue(holdId, out var hold) || hold.UserId != userId || (hold.OrderId is { } owner && owner != orderId))
        {
            throw new ConflictException("The hold has expired or does not exist.");
        }
        RemoveHold(holdId, hold);
        _map.Sales[orderId] = new SaleRecord(hold.UserId, holdId, [.. hold.Seats]);
        foreach (var label in hold.Seats)
        {
            _soldTo[label] = orderId;
        }
        Changed(hold.Seats);
        await PersistAsync();
        return hold.Seats;
    }

    public async Task ReleaseOrderAsync(Guid orderId)
    {
        EnsureUsable();
        var attached = _map.Holds.Where(entry => entry.Value.OrderId == orderId).ToList();
        foreach (var (holdId, hold) in attached)
        {
            RemoveHold(holdId, hold);
            Changed(hold.Seats);
        }
        if (!_map.Sales.Remove(orderId, out var sale))
        {
            if (attached.Count > 0)
            {
                await PersistAsync();
                metrics.HoldsReleased(attached.Count);
            }
            return;
        }
        foreach (var label in sale.Seats)
        {
            _soldTo.Remove(label);
        }
        Changed(sale.Seats);
        await PersistAsync();
        metrics.HoldsReleased(attached.Count);
    }

    private async Task<HoldConfirmation> HoldAsync(Guid userId, List<string> labels)
    {
        var owned = _map.Holds.Values.Where(hold => hold.UserId == userId).Sum(hold => hold.Seats.Count)
            + _map.Sales.Values.Where(sale => sale.UserId == userId).Sum(sale => sale.Seats.Count);
        if (owned + labels.Count > options.Value.MaxSeatsPerUser)
        {
            throw new InvalidInputException("seats", $"At most {options.Value.MaxSeatsPerUser} seats per person per showtime; you have {owned}.");
        }

        var holdId = Guid.NewGuid();
        var hold = new HoldRecord(userId, labels, NoLaterThanClose(clock.GetUtcNow() + options.Value.HoldDuration));
        _map.Holds[holdId] = hold;
        foreach (var label in labels)
        {
            _heldBy[label] = holdId;
        }
        Changed(labels);
        await PersistAsync();
        metrics.HoldCreated();
        return new HoldConfirmation(holdId, labels, hold.ExpiresAt);
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
    private DateTimeOffset? SalesCloseAt => _map.StartsAt + options.Value.SalesCloseAfterStart;

    /// <summary>No hold outlives the close of sales.</summary>
    private DateTimeOffset NoLaterThanClose(DateTimeOffset expiresAt) => SalesCloseAt is { } close && close < expiresAt ? close : expiresAt;

    private void EnsureSalesOpen()
    {
        if (_map.SalesClosed)
        {
            throw new SalesClosedException(SalesCloseAt ?? clock.GetUtcNow());
        }
    }

    private async Task<DateTimeOffset?> StartOfShowtimeAsync()
    {
        try
        {
            return (await GrainFactory.GetGrain<IShowtimesGrain>(0).GetAsync(this.GetPrimaryKey())).StartsAt;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    private bool IsFree(string label) =>
        _seats.TryGetValue(label, out var seat) && seat.Kind != SeatKind.Blocked && !_heldBy.ContainsKey(label) && !_soldTo.ContainsKey(label);

    private void RemoveHold(Guid holdId, HoldRecord hold)
    {
        _map.Holds.Remove(holdId);
        foreach (var label in hold.Seats)
        {
            _heldBy.Remove(label);
        }
    }

    /// <summary>
    /// Drops holds past their time. Expiry is decided by the persisted expiry instant, so dropping
    /// them in memory first and writing later is safe: a reload drops them again.
    /// </summary>
    private int ExpireStaleHolds()
    {
        var now = clock.GetUtcNow();
        var expired = _map.Holds.Where(entry => entry.Value.ExpiresAt <= now).ToList();
        foreach (var (holdId, hold) in expired)
        {
            RemoveHold(holdId, hold);
            Changed(hold.Seats);
        }
        return expired.Count;
    }

    /// <summary>
    /// Makes the changes time brings: sales close once their moment passed (every hold released),
    /// holds past their expiry are dropped. Each is a change like any other: written, then published.
    /// </summary>
    private async Task SettleTimeAsync()
    {
        var now = clock.GetUtcNow();
        var ended = 0;
        if (!_map.SalesClosed && SalesCloseAt is { } close && now >= close)
        {
            foreach (var (holdId, hold) in _map.Holds.ToList())
            {
                RemoveHold(holdId, hold);
                Changed(hold.Seats);
                ended++;
            }
            _map.SalesClosed = true;
            Changed();
        }
        else
        {
            ended = ExpireStaleHolds();
            if (ended == 0)
            {
                return;
            }
        }
        await PersistAsync();
        metrics.HoldsExpired(ended);
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        if (_map.Seats.Count == 0 || _poisoned)
        {
            return;
        }
        await SettleTimeAsync();
        if (_map.SalesClosed)
        {
            DeactivateOnIdle();
        }
    }

    private void Changed(IEnumerable<string>? seats = null)
    {
        _map.Version++;
        _snapshot = null;
        if (seats is not null)
        {
            _unpublished.UnionWith(seats);
        }
    }

    /// <summary>Completes once a storage write that includes every change made so far has succeeded.</summary>
    private Task PersistAsync()
    {
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
                // Storage serializes off this turn; hand it a copy so later changes cannot race it.
                var written = state.State = _map.Clone();
                var published = _unpublished.ToList();
                _unpublished.Clear();
                try
                {
                    await state.WriteOrDeactivateAsync(this);
                    batch.SetResult();
                }
                catch (Exception ex)
                {
                    // Memory now holds changes storage may not have, and nobody was told they succeeded.
                    // The shared rule drops the activation; calls interleaved before it goes are refused.
                    LogWriteFailed(ex, this.GetPrimaryKey());
                    batch.SetException(ex);
                    _pendingWrite?.SetException(ex);
                    _pendingWrite = null;
                    _poisoned = true;
                    return;
                }
                await PublishAsync(written, published);
            }
        }
        finally
        {
            _writing = false;
        }
    }

    /// <summary>
    /// Tells live viewers which seats the write just made durable changed, as that write has them: its
    /// version and those seats' statuses. Changes made while it was in flight are told with the next
    /// write, under a newer version; told now under today's version, the next event would carry the
    /// same version and viewers would skip it as already seen. Best effort: a lost event costs a
    /// snapshot re-read, never a seat.
    /// </summary>
    private async Task PublishAsync(SeatMapState written, List<string> labels)
    {
        var salesOpen = !written.SalesClosed;
        if (labels.Count == 0 && salesOpen == _publishedSalesOpen)
        {
            return;
        }
        _publishedSalesOpen = salesOpen;
        var wanted = labels.ToHashSet(StringComparer.Ordinal);
        var held = written.Holds.Values.SelectMany(hold => hold.Seats).Where(wanted.Contains).ToHashSet(StringComparer.Ordinal);
        var sold = written.Sales.Values.SelectMany(sale => sale.Seats).Where(wanted.Contains).ToHashSet(StringComparer.Ordinal);
        var changed = written.Seats.Where(seat => wanted.Contains(seat.Label))
            .Select(seat => View(seat, sold: sold.Contains(seat.Label), held: held.Contains(seat.Label))).ToList();
        try
        {
            await _live!.OnNextAsync(new SeatMapChanged(this.GetPrimaryKey(), written.Version, changed, salesOpen));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogPublishFailed(ex, this.GetPrimaryKey());
        }
    }

    private void Reindex()
    {
        _seats.Clear();
        _heldBy.Clear();
        _soldTo.Clear();
        foreach (var seat in _map.Seats)
        {
            _seats[seat.Label] = seat;
        }
        foreach (var (holdId, hold) in _map.Holds)
        {
            foreach (var label in hold.Seats) _heldBy[label] = holdId;
        }
        foreach (var (orderId, sale) in _map.Sales)
        {
            foreach (var label in sale.Seats) _soldTo[label] = orderId;
        }
        _snapshot = null;
    }

    private SeatMapSnapshot BuildSnapshot()
    {
        var views = _map.Seats.Select(View).ToList();
        return new SeatMapSnapshot(this.GetPrimaryKey(), _map.Version, _map.Seats.Count(seat => seat.Kind != SeatKind.Blocked), views, !_map.SalesClosed);
    }

    private SeatView View(SeatDefinition seat) => View(seat, sold: _soldTo.ContainsKey(seat.Label), held: _heldBy.ContainsKey(seat.Label));

    private static SeatView View(SeatDefinition seat, bool sold, bool held) => new(seat.Label, seat.Row, seat.Number, seat.Kind,
        seat.Kind == SeatKind.Blocked ? SeatStatus.Blocked
        : sold ? SeatStatus.Sold
        : held ? SeatStatus.Held
        : SeatStatus.Available,
        seat.Column);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seat map {ShowtimeId} change could not be published to live viewers")]
    private partial void LogPublishFailed(Exception exception, Guid showtimeId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Seat map {ShowtimeId} could not be written; reloading from storage")]
    private partial void LogWriteFailed(Exception exception, Guid showtimeId);
}
