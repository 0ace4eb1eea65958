using System.Diagnostics;
using System.Net.Sockets;
using Npgsql;

namespace Registry.Web.Tests.TestSupport;

/// <summary>
/// A PostgreSQL server of the test's own (Debian's binaries, as ops/services uses), in a temporary folder on a free
/// loopback port, so that a test can stop the database under a running site and start it again without touching
/// the run's shared server. As root the server runs as the postgres user, which PostgreSQL requires.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _folder = Path.Combine("/tmp", "registry-test-pg-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly string _bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
        .Where(Directory.Exists).OrderBy(d => d, StringComparer.Ordinal).LastOrDefault()
        ?? throw new InvalidOperationException("No PostgreSQL binaries under /usr/lib/postgresql (ops/test installs them).");

    public int Port { get; } = FreePort();

    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database={database}";

    private string Data => Path.Combine(_folder, "data");

    public async Task InitialiseAsync()
    {
        Directory.CreateDirectory(_folder);
        if (IsRoot)
        {
            await RunAsync("chown", "postgres:postgres", _folder);
        }

        await RunAsPostgresAsync(Path.Combine(_bin, "initdb"), "-D", Data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        await StartAsync();
    }

    public Task StartAsync() => RunAsPostgresAsync(Path.Combine(_bin, "pg_ctl"), "-D", Data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "30",
        // fsync off is safe here (the machine does not crash, only the server stops); synchronous_commit stays on,
        // because an immediate stop would lose commits still in the WAL buffers (CI once lost the certificate it tested).
        "-o", $"-c listen_addresses=127.0.0.1 -p {Port.ToString(CultureInfo.InvariantCulture)} -k {_folder} -c fsync=off", "start");

    /// <summary>Stops the server the way a crash or an operator would: every session is cut at once.</summary>
    public Task StopAsync() => RunAsPostgresAsync(Path.Combine(_bin, "pg_ctl"), "-D", Data, "-m", "immediate", "-w", "stop");

    public async Task CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString() + ";Pooling=false");
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        NpgsqlConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static Task RunAsPostgresAsync(string program, params string[] arguments) =>
        IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments]) : RunAsync(program, arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}{await output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
