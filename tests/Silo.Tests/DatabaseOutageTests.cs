using System.Net.Sockets;
using Marquee.Common;
using Marquee.ServiceDefaults;
using Npgsql;

namespace Marquee.Silo.Tests;

public sealed class DatabaseOutageTests
{
    [Fact]
    public void AnUnreachableDatabaseIsRecognizedHoweverDeeplyWrapped()
    {
        var refused = new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));

        Assert.True(DatabaseExceptions.IsOutage(refused));
        Assert.True(DatabaseExceptions.IsOutage(new OrleansException("Error activating grain", new InvalidOperationException("storage read failed", refused))));
    }

    [Fact]
    public void OtherFailuresAreNotOutages()
    {
        Assert.False(DatabaseExceptions.IsOutage(new NpgsqlException("a query the server refused")));
        Assert.False(DatabaseExceptions.IsOutage(new ConflictException("taken")));
        Assert.False(DatabaseExceptions.IsOutage(new InvalidOperationException("a bug")));
    }
}
