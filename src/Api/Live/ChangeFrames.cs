using Marquee.Cinema;
using Microsoft.Extensions.Logging;

namespace Marquee.Api.Live;

/// <summary>
/// Paces one showtime's live changes: a change that comes after a quiet frame goes out at once; the
/// ones that follow within the frame wait for its end and go out together, as one change holding
/// each seat's latest status and the newest version. A viewer's picture ends up the same; what it
/// saves is writes, each of which the API makes once per viewer: with thousands watching a showtime
/// that takes holds twenty times a second, one write per change would be more than the cores can do.
/// The frame's length is asked for each time, so it can follow the audience.
/// </summary>
public sealed partial class ChangeFrames(Func<TimeSpan> frame, TimeProvider clock, Action<SeatMapChanged> send, ILogger logger) : IDisposable
{
    private readonly Lock _sync = new();
    private readonly Dictionary<string, SeatView> _seats = new(StringComparer.Ordinal);
    private SeatMapChanged? _newest;
    private long _lastSent = long.MinValue;
    private long _lastSentVersion = long.MinValue;
    private ITimer? _flush;
    private bool _disposed;

    public void Add(SeatMapChanged change)
    {
        lock (_sync)
        {
            // The stream delivers in order; should it not, an older change must not overwrite a newer one.
            if (_disposed || change.Version <= Math.Max(_lastSentVersion, _newest?.Version ?? long.MinValue))
            {
                return;
            }
            foreach (var seat in change.Seats)
            {
                _seats[seat.Seat] = seat;
            }
            _newest = change;
            if (_flush is not null)
            {
                return;
            }
            var length = frame();
            var sinceLast = _lastSent == long.MinValue ? length : clock.GetElapsedTime(_lastSent);
            if (sinceLast >= length)
            {
                SendLocked();
                return;
            }
            _flush = clock.CreateTimer(_ => Flush(), state: null, length - sinceLast, Timeout.InfiniteTimeSpan);
        }
    }

    private void Flush()
    {
        lock (_sync)
        {
            _flush?.Dispose();
            _flush = null;
            if (_disposed)
            {
                return;
            }
            try
            {
                SendLocked();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // On a timer thread an exception would end the process; viewers re-read on reconnect.
                LogSendFailed(ex);
            }
        }
    }

    private void SendLocked()
    {
        if (_newest is not { } newest)
        {
            return;
        }
        var merged = newest with { Seats = [.. _seats.Values] };
        _seats.Clear();
        _newest = null;
        _lastSent = clock.GetTimestamp();
        _lastSentVersion = merged.Version;
        send(merged);
    }

    public void Dispose()
    {
        lock (_sync)
        {
            _disposed = true;
            _flush?.Dispose();
            _flush = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live seat-map change could not be sent to the viewers.")]
    private partial void LogSendFailed(Exception exception);
}
