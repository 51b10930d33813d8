using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Marquee.Api.Contracts.Common;

/// <summary>
/// A rule over which optional fields of a request must be sent together. One declaration drives both
/// the validation (a 400 naming the fields) and the OpenAPI schema (<c>anyOf</c>, <c>oneOf</c> or
/// <c>dependentRequired</c>), so the document cannot say something the API does not do.
/// A field is present when it is not null and, for a list, not empty.
/// </summary>
public abstract class PresenceRuleAttribute(string[] members) : ValidationAttribute
{
    /// <summary>The C# property names the rule is about.</summary>
    public IReadOnlyList<string> Members { get; } = members;

    protected abstract bool Holds(int present);

    protected abstract string Describe(string fields);

    public override bool RequiresValidationContext => true;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is null)
        {
            return ValidationResult.Success;
        }
        var present = Members.Count(member => IsPresent(value.GetType().GetProperty(member, BindingFlags.Public | BindingFlags.Instance)?.GetValue(value)));
        return Holds(present) ? ValidationResult.Success : new ValidationResult(Describe(string.Join(", ", Members.Select(JsonName))), Members);
    }

    /// <summary>The member's name in JSON (camelCase), as the document and the problem's keys spell it.</summary>
    public static string JsonName(string member) => char.ToLowerInvariant(member[0]) + member[1..];

    private static bool IsPresent(object? value) => value switch
    {
        null => false,
        ICollection collection => collection.Count > 0,
        _ => true,
    };
}

/// <summary>At least one of the fields is sent.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequireAnyOfAttribute(params string[] members) : PresenceRuleAttribute(members)
{
    protected override bool Holds(int present) => present >= 1;

    protected override string Describe(string fields) => $"Send at least one of: {fields}.";
}

/// <summary>Exactly one of the fields is sent.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequireOneOfAttribute(params string[] members) : PresenceRuleAttribute(members)
{
    protected override bool Holds(int present) => present == 1;

    protected override string Describe(string fields) => $"Send exactly one of: {fields}.";
}

/// <summary>The fields come all together or not at all.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class RequiredTogetherAttribute(params string[] members) : PresenceRuleAttribute(members)
{
    protected override bool Holds(int present) => present == 0 || present == Members.Count;

    protected override string Describe(string fields) => $"Send {fields} together, or none of them.";
}
