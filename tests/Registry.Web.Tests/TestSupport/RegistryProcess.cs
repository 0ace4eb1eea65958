using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace Registry.Web.Tests.TestSupport;

/// <summary>What /search/status answers.</summary>
public sealed record SearchStatus(bool Ready, long? OutboxSequence);

/// <summary>
/// Registry.Web.dll (built next to this test assembly, which is also its content root) run as a real child
/// process: the site with `serve`, or an operator command. Output is captured for failure messages, and a
/// child still running when the test ends is killed with its process tree.
/// </summary>
public sealed class RegistryProcess : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RegistryProcess(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(DotnetHost)
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Registry.Web.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test runner's own ASP.NET settings must not leak into the child.
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("ASPNETCORE_HTTP_PORTS");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        Description = $"`dotnet Registry.Web.dll {string.Join(' ', arguments)}`";
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Exited += (_, _) => _exited.TrySetResult();
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Description { get; }

    public Uri? Address { get; private init; }

    public bool HasExited => _exited.Task.IsCompleted;

    /// <summary>Everything the child wrote so far, stdout and stderr interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The dotnet host that runs this test (under `dotnet test`), else the one on PATH.</summary>
    private static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>The settings a child needs: this database, this replica folder, a quick poll.</summary>
    public static Dictionary<string, string> Settings(string connectionString, string indexPath) => new()
    {
        ["ConnectionStrings__Registry"] = connectionString,
        ["Search__IndexPath"] = indexPath,
        ["Search__PollInterval"] = "00:00:00.100",
        ["Search__BatchSize"] = "50",
        ["Signing__KeyEncryptionKey"] = TestKek.Base64,
    };

    /// <summary>Starts the site on a free loopback port.</summary>
    public static RegistryProcess Serve(IReadOnlyDictionary<string, string> environment)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        return new RegistryProcess(["serve", "--urls", address.ToString().TrimEnd('/')], environment) { Address = address };
    }

    /// <summary>Runs an operator command to its end.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        await using var command = new RegistryProcess(arguments, environment);
        var finished = await Task.WhenAny(command._exited.Task, Task.Delay(CommandTimeout));
        finished.ShouldBe(command._exited.Task, $"{command.Description} did not finish within {CommandTimeout.TotalSeconds} s. Output:\n{command.Output}");
        await command._process.WaitForExitAsync(); // also drains the redirected output
        return (command._process.ExitCode, command.Output);
    }

    /// <summary>/search/status, or null while the site is not listening yet.</summary>
    public async Task<SearchStatus?> StatusAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            return await client.GetFromJsonAsync<SearchStatus>("/search/status");
        }
        catch (HttpRequestException)
        {
            // Not listening yet, or not answering properly: the caller's deadline reports it with the output.
            return null;
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>Polls /search/status until <paramref name="condition"/> holds; fails with the child's output otherwise.</summary>
    public async Task<SearchStatus> WaitForStatusAsync(Func<SearchStatus, bool> condition, string what, TimeSpan? timeout = null, TimeSpan? every = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(60);
        var watch = Stopwatch.StartNew();
        SearchStatus? last = null;
        while (true)
        {
            HasExited.ShouldBeFalse($"{Description} exited (code {(HasExited ? _process.ExitCode : 0)}) while waiting until {what}. Output:\n{Output}");
            last = await StatusAsync() ?? last;
            if (last is not null && condition(last))
            {
                return last;
            }

            watch.Elapsed.ShouldBeLessThan(limit,
                $"{Description} did not get to {what} within {limit.TotalSeconds} s (last status: {last?.ToString() ?? "no answer"}). Output:\n{Output}");
            await Task.Delay(every ?? TimeSpan.FromMilliseconds(50));
        }
    }

    /// <summary>Kills the child and everything it started, at once (SIGKILL: no shutdown code runs).</summary>
    public async Task KillAsync()
    {
        if (!HasExited)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited in the meantime.
            }
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Description} (pid {_process.Id})");
}
