using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using MimeKit;

namespace Marquee.Testing;

/// <summary>
/// A real SMTP server on loopback, in the test process: it speaks enough of RFC 5321 (EHLO/HELO,
/// MAIL, RCPT, DATA, RSET, NOOP, QUIT) for any client, and hands every accepted message to the test.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<MimeMessage> _received = [];
    private readonly Channel<MimeMessage> _arrivals = Channel.CreateUnbounded<MimeMessage>();
    private readonly Task _accepting;

    public SmtpSink()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public IReadOnlyList<MimeMessage> Received
    {
        get { lock (_received) return _received.ToList(); }
    }

    /// <summary>The first message (already received or arriving later) to <paramref name="address"/>, optionally one that also satisfies <paramref name="where"/>.</summary>
    public async Task<MimeMessage> WaitForMessageToAsync(string address, TimeSpan timeout, Func<MimeMessage, bool>? where = null)
    {
        bool Matches(MimeMessage message) =>
            message.To.Mailboxes.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase)) && (where?.Invoke(message) ?? true);
        using var cancel = new CancellationTokenSource(timeout);
        lock (_received)
        {
            var already = _received.FirstOrDefault(Matches);
            if (already is not null) return already;
        }
        await foreach (var message in _arrivals.Reader.ReadAllAsync(cancel.Token))
        {
            if (Matches(message)) return message;
        }
        throw new TimeoutException($"no mail to {address}");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _accepting; } catch (OperationCanceledException) { } catch (SocketException) { } catch (ObjectDisposedException) { }
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        // UTF-8: the sink offers 8BITMIME, so message data may carry 8-bit text (pt-BR mail).
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 marquee-test-sink ESMTP");
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-marquee-test-sink");
                    await writer.WriteLineAsync("250 8BITMIME");
                    break;
                case "HELO" or "MAIL" or "RCPT" or "RSET" or "NOOP":
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                    {
                        // RFC 5321 dot-stuffing: a leading dot was doubled by the client.
                        data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                    }
                    var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(data.ToString())));
                    lock (_received) _received.Add(message);
                    await _arrivals.Writer.WriteAsync(message);
                    await writer.WriteLineAsync("250 OK: queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 Command not implemented");
                    break;
            }
        }
    }
}
