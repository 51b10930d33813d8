using Marquee.Api.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Orleans.Runtime.Messaging;
using Orleans.Serialization;
using Orleans.Storage;

namespace Marquee.Api.Tests;

/// <summary>Failures of the cluster in passing are 503 with Retry-After, never a 500: the client's retry is what fixes them.</summary>
public sealed class ProblemClassificationTests
{
    public static TheoryData<Exception> Transient => new()
    {
        new InconsistentStateException("ETag mismatch", "1", "2"),
        new ConnectionFailedException("Unable to connect to S127.0.0.1:11111:0"),
        AcrossTheCluster(new OrleansException("Error from storage provider", new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01"))),
    };

    /// <summary>The exception as the API receives it from a silo: through Orleans' serializer, which keeps Npgsql's types.</summary>
    private static Exception AcrossTheCluster(Exception exception)
    {
        var serializer = new ServiceCollection()
            .AddSerializer()
            .Configure<Orleans.Serialization.ExceptionSerializationOptions>(options => options.SupportedNamespacePrefixes.Add("Npgsql"))
            .BuildServiceProvider()
            .GetRequiredService<Orleans.Serialization.Serializer>();
        return serializer.Deserialize<Exception>(serializer.SerializeToArray<Exception>(exception))!;
    }

    [Theory]
    [MemberData(nameof(Transient))]
    public async Task ATransientClusterFailureIsA503WithRetryAfter(Exception exception)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services, Response = { Body = new MemoryStream() } };
        var handler = new ProblemExceptionHandler(services.GetRequiredService<IProblemDetailsService>(), NullLogger<ProblemExceptionHandler>.Instance);

        Assert.True(await handler.TryHandleAsync(context, exception, CancellationToken.None));
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("5", context.Response.Headers.RetryAfter.ToString());
    }
}
