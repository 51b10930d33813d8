using System.Net.Sockets;
using Npgsql;

namespace Marquee.ServiceDefaults;

/// <summary>
/// Recognizes "PostgreSQL could not be reached" in the silo (to answer 503) and in the API (for grains
/// that could not even activate). Orleans only carries exceptions of namespaces it trusts, so both
/// processes add <see cref="NpgsqlNamespace"/> to <c>ExceptionSerializationOptions</c>: an outage
/// then crosses the cluster as what it is instead of as a serialization failure (a 500).
/// </summary>
public static class DatabaseExceptions
{
    public const string OutageMessage = "The database is unavailable; retry shortly.";

    public const string NpgsqlNamespace = "Npgsql";

    /// <summary>True when <paramref name="exception"/>, or one it wraps, says PostgreSQL could not be reached.</summary>
    public static bool IsOutage(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is NpgsqlException { IsTransient: true } or NpgsqlException { InnerException: SocketException })
            {
                return true;
            }
            // Class 57P is the server going away (57P01 shutdown, 57P03 starting or stopping), 08 a lost connection.
            // Across the cluster only the message survives serialization, and it starts with the state.
            if (current is PostgresException server && (server.SqlState ?? server.Message) is { } state
                && (state.StartsWith("57P", StringComparison.Ordinal) || state.StartsWith("08", StringComparison.Ordinal)))
            {
                return true;
            }
        }
        return false;
    }
}
