using Marquee.Cinema.State;

namespace Marquee.Cinema.Journal;

/// <summary>
/// A showtime's seats in memory: its layout, live holds and sales. It changes only by applying
/// journal events, the same code for a change made now and for one replayed at recovery, so what an
/// activation rebuilds is what the one before it had.
/// </summary>
public sealed class SeatBook
{
    // A label's place in the layout; the keys are the labels every view shares (thousands of maps stay in memory).
    private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);
    private string[] _labels = [];
    private readonly Dictionary<string, Guid> _heldBy = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid> _soldTo = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, HoldRecord> _holds = [];
    private readonly Dictionary<Guid, SaleRecord> _sales = [];

    public SeatLayout Layout { get; private set; } = SeatLayout.None;

    public bool IsLaidOut => Layout.Seats.Count > 0;

    /// <summary>The sequence of the last event applied.</summary>
    public long Version { get; private set; }

    public bool SalesClosed { get; private set; }

    public IReadOnlyDictionary<Guid, HoldRecord> Holds => _holds;

    public IReadOnlyDictionary<Guid, SaleRecord> Sales => _sales;

    /// <summary>Rebuilds the seats from the layout, the latest snapshot (if any) and the events after it.</summary>
    public static SeatBook Recover(SeatLayout layout, SeatBookSnapshot? snapshot, IEnumerable<SeatEvent> events)
    {
        var book = new SeatBook();
        book.SetLayout(layout);
        if (snapshot is not null)
        {
            book.Restore(snapshot);
        }
        foreach (var change in events)
        {
            book.Apply(change);
        }
        return book;
    }

    public void SetLayout(SeatLayout layout)
    {
        Layout = layout;
        _positions.Clear();
        _labels = new string[layout.Seats.Count];
        for (var position = 0; position < layout.Seats.Count; position++)
        {
            var label = _labels[position] = layout.Seats[position].Label;
            _positions[label] = position;
        }
    }

    public void Apply(SeatEvent change)
    {
        if (change.Sequence != Version + 1)
        {
            // A gap or a repeat means the journal was read or written out of order: nothing after it can be trusted.
            throw new InvalidOperationException($"Seat event {change.Sequence} does not follow version {Version}.");
        }
        switch (change.Kind)
        {
            case SeatEventKind.Held:
                var hold = new HoldRecord(change.UserId!.Value, [.. change.Seats], change.ExpiresAt!.Value);
                _holds[change.HoldId!.Value] = hold;
                foreach (var label in hold.Seats)
                {
                    _heldBy[label] = change.HoldId.Value;
                }
                break;
            case SeatEventKind.Released or SeatEventKind.Expired or SeatEventKind.OrderReleased:
                RemoveHold(change.HoldId!.Value);
                break;
            case SeatEventKind.AttachedToOrder:
                _holds[change.HoldId!.Value] = _holds[change.HoldId.Value] with { OrderId = change.OrderId, ExpiresAt = change.ExpiresAt!.Value };
                break;
            case SeatEventKind.Sold:
                var sold = RemoveHold(change.HoldId!.Value);
                _sales[change.OrderId!.Value] = new SaleRecord(sold.UserId, change.HoldId.Value, sold.Seats);
                foreach (var label in sold.Seats)
                {
                    _soldTo[label] = change.OrderId.Value;
                }
                break;
            case SeatEventKind.Refunded:
                _sales.Remove(change.OrderId!.Value, out var sale);
                foreach (var label in sale!.Seats)
                {
                    _soldTo.Remove(label);
                }
                break;
            case SeatEventKind.SalesClosed:
                SalesClosed = true;
                break;
            default:
                throw new InvalidOperationException($"Unknown seat event kind {change.Kind}.");
        }
        Version = change.Sequence;
    }

    public SeatBookSnapshot Snapshot() => new(
        Version,
        _holds.ToDictionary(entry => entry.Key, entry => entry.Value with { Seats = [.. entry.Value.Seats] }),
        _sales.ToDictionary(entry => entry.Key, entry => entry.Value with { Seats = [.. entry.Value.Seats] }),
        SalesClosed);

    public bool Exists(string label) => _positions.ContainsKey(label);

    public SeatDefinition Seat(string label) => Layout.Seats[_positions[label]];

    /// <summary>The seat's place in <see cref="SeatLayout.Seats"/>, which is also its place in a snapshot's list.</summary>
    public int PositionOf(string label) => _positions[label];

    public bool IsFree(string label) =>
        _positions.TryGetValue(label, out var position) && Layout.Seats[position].Kind != SeatKind.Blocked
        && !_heldBy.ContainsKey(label) && !_soldTo.ContainsKey(label);

    /// <summary>How the public sees the seat at <paramref name="position"/> in the layout now.</summary>
    public SeatView View(int position)
    {
        var seat = Layout.Seats[position];
        var label = _labels[position];
        return new(label, seat.Row, seat.Number, seat.Kind,
            seat.Kind == SeatKind.Blocked ? SeatStatus.Blocked
            : _soldTo.ContainsKey(label) ? SeatStatus.Sold
            : _heldBy.ContainsKey(label) ? SeatStatus.Held
            : SeatStatus.Available,
            seat.Column);
    }

    /// <summary>Seats the user holds or bought here, against the per-person limit.</summary>
    public int SeatsOwnedBy(Guid userId) =>
        _holds.Values.Where(hold => hold.UserId == userId).Sum(hold => hold.Seats.Count)
        + _sales.Values.Where(sale => sale.UserId == userId).Sum(sale => sale.Seats.Count);

    private void Restore(SeatBookSnapshot snapshot)
    {
        foreach (var (holdId, hold) in snapshot.Holds)
        {
            _holds[holdId] = hold;
            foreach (var label in hold.Seats)
            {
                _heldBy[label] = holdId;
            }
        }
        foreach (var (orderId, sale) in snapshot.Sales)
        {
            _sales[orderId] = sale;
            foreach (var label in sale.Seats)
            {
                _soldTo[label] = orderId;
            }
        }
        SalesClosed = snapshot.SalesClosed;
        Version = snapshot.Sequence;
    }

    private HoldRecord RemoveHold(Guid holdId)
    {
        _holds.Remove(holdId, out var hold);
        foreach (var label in hold!.Seats)
        {
            _heldBy.Remove(label);
        }
        return hold;
    }
}
