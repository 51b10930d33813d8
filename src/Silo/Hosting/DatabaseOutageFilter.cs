using Marquee.Common;
using Marquee.ServiceDefaults;

namespace Marquee.Silo.Hosting;

/// <summary>
/// Turns "PostgreSQL cannot be reached" inside any grain call into <see cref="TemporarilyUnavailableException"/>,
/// which callers see as a 503 problem with Retry-After, instead of a driver exception.
/// </summary>
public sealed partial class DatabaseOutageFilter(ILogger<DatabaseOutageFilter> logger) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception ex) when (DatabaseExceptions.IsOutage(ex))
        {
            LogOutage(ex, context.InterfaceMethod?.Name);
            throw new TemporarilyUnavailableException(DatabaseExceptions.OutageMessage);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unreachable during {Method}; answered as temporarily unavailable")]
    private partial void LogOutage(Exception exception, string? method);
}
