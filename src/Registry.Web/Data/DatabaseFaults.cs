using System.Net.Sockets;
using Npgsql;

namespace Registry.Web.Data;

/// <summary>
/// Tells a database that cannot be reached (stopped, restarting, refusing connections, the connection cut) from
/// every other failure: the first is answered 503 with Retry-After, because trying again soon is the right thing
/// to do; the rest are the registry's own errors.
/// </summary>
public static class DatabaseFaults
{
    /// <summary>How long a client should wait before trying again, in the Retry-After header.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public static bool IsUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    // 08: connection exceptions; 57P01–57P03: shut down or starting up; 53300: no connection slot left.
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
                            or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections;
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                case TimeoutException when e.Source?.StartsWith("Npgsql", StringComparison.Ordinal) == true:
                    return true;
                case NpgsqlException when e.InnerException is IOException or SocketException or TimeoutException:
                    return true;
            }
        }

        return false;
    }
}
