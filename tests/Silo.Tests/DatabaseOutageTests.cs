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

    [Theory]
    [InlineData("57P01")] // terminating connection due to administrator command
    [InlineData("57P03")] // the database system is shutting down (or starting up)
    [InlineData("08006")] // connection failure
    public void AServerGoingAwayIsAnOutage(string sqlState)
    {
        var goingAway = new PostgresException("the database system is shutting down", "FATAL", "FATAL", sqlState);

        Assert.True(DatabaseExceptions.IsOutage(new OrleansException("Error from storage provider", goingAway)));
    }

    [Fact]
    public void OtherFailuresAreNotOutages()
    {
        Assert.False(DatabaseExceptions.IsOutage(new NpgsqlException("a query the server refused")));
        Assert.False(DatabaseExceptions.IsOutage(new PostgresException("duplicate key value", "ERROR", "ERROR", "23505")));
        // What arrives from another process has lost its state; it must be judged, not crash the judge.
        Assert.False(DatabaseExceptions.IsOutage(new OrleansException("storage", new PostgresException("raised by a trigger", "ERROR", "ERROR", null!))));
        Assert.False(DatabaseExceptions.IsOutage(new ConflictException("taken")));
        Assert.False(DatabaseExceptions.IsOutage(new InvalidOperationException("a bug")));
    }
}
