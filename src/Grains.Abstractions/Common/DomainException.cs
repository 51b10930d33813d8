namespace Marquee.Common;

/// <summary>
/// A rule of the domain said no. Grains throw subclasses; the API maps each to one problem status in
/// one place. Messages are safe to show to the caller.
/// </summary>
[GenerateSerializer, Alias("Marquee.Common.DomainException")]
public abstract class DomainException : Exception
{
    protected DomainException(string message) : base(message)
    {
    }
}

/// <summary>Input a grain refuses; <see cref="Field"/> names the offending field for per-field problems.</summary>
[GenerateSerializer, Alias("Marquee.Common.InvalidInputException")]
public sealed class InvalidInputException(string field, string message) : DomainException(message)
{
    [Id(0)] public string Field { get; } = field;
}

/// <summary>The addressed thing does not exist (or the caller may not know it does).</summary>
[GenerateSerializer, Alias("Marquee.Common.NotFoundException")]
public sealed class NotFoundException(string message) : DomainException(message);

/// <summary>The request conflicts with current state (a taken email, a held seat).</summary>
[GenerateSerializer, Alias("Marquee.Common.ConflictException")]
public sealed class ConflictException(string message) : DomainException(message);

/// <summary>Credentials or a token did not prove who the caller is.</summary>
[GenerateSerializer, Alias("Marquee.Common.AuthenticationFailedException")]
public sealed class AuthenticationFailedException(string message) : DomainException(message);

/// <summary>A transient condition on our side; the caller should retry shortly.</summary>
[GenerateSerializer, Alias("Marquee.Common.TemporarilyUnavailableException")]
public sealed class TemporarilyUnavailableException(string message) : DomainException(message);

/// <summary>The caller is known but this is not theirs to do (a movie outside their packages).</summary>
[GenerateSerializer, Alias("Marquee.Common.ForbiddenException")]
public sealed class ForbiddenException(string message) : DomainException(message);
