namespace Marquee.Api.Infrastructure;

/// <summary>A header an operation reads, for the OpenAPI document.</summary>
public sealed record RequestHeaderMetadata(string Name, bool Required, string Description);

/// <summary>A header an operation sends with one of its answers, for the OpenAPI document.</summary>
public sealed record ResponseHeaderMetadata(int Status, string Name, string Description);

/// <summary>
/// Declares, where an operation is mapped, what it may answer besides success and which headers it
/// reads and sends. Domain failures become these statuses in <see cref="ProblemExceptionHandler"/>;
/// the edge's own answers (400, 401/403, 413, 415, 429, 503) are added by <see cref="OpenApiSetup"/>.
/// </summary>
public static class ContractConventions
{
    /// <summary>The operation may answer each status with an RFC 9457 problem.</summary>
    public static TBuilder Answers<TBuilder>(this TBuilder builder, params int[] statuses) where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statuses)
        {
            builder.ProducesProblem(status);
        }
        return builder;
    }

    public static TBuilder ReadsHeader<TBuilder>(this TBuilder builder, string name, bool required, string description) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestHeaderMetadata(name, required, description));

    public static TBuilder SendsHeader<TBuilder>(this TBuilder builder, int status, string name, string description) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ResponseHeaderMetadata(status, name, description));
}
