using System.Diagnostics;
using System.Text;

namespace Marquee.Cluster.Tests;

/// <summary>A silo or API process started from the built assemblies, with its output kept for failure messages.</summary>
public sealed class MarqueeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private MarqueeProcess(string name, Process process, Uri httpAddress)
    {
        Name = name;
        _process = process;
        HttpAddress = httpAddress;
    }

    public string Name { get; }

    public Uri HttpAddress { get; }

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static MarqueeProcess Start(string name, string assemblyPath, int httpPort, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [assemblyPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(assemblyPath)!,
        };
        start.Environment["Urls"] = $"http://127.0.0.1:{httpPort}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var marquee = new MarqueeProcess(name, process, new Uri($"http://127.0.0.1:{httpPort}"));
        process.OutputDataReceived += (_, line) => marquee.Append(line.Data);
        process.ErrorDataReceived += (_, line) => marquee.Append(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return marquee;
    }

    /// <summary>Waits for the process to end by itself, and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>Polls /health/ready until it answers 200, failing with the process output after <paramref name="patience"/>.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan patience)
    {
        using var http = new HttpClient { BaseAddress = HttpAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{Output}");
            }
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Still starting.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{Name} was not ready within {patience}:\n{Output}");
    }

    /// <summary>SIGTERM, as Kubernetes sends it, then waits for the process to finish its graceful shutdown.</summary>
    public async Task StopGracefullyAsync(TimeSpan patience)
    {
        if (_process.HasExited) return;
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        using var timeout = new CancellationTokenSource(patience);
        await _process.WaitForExitAsync(timeout.Token);
    }

    public int ExitCode => _process.ExitCode;

    /// <summary>SIGKILL: no shutdown, no flush, as when a node dies.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}
