using System.Collections;
using System.ComponentModel.DataAnnotations;

namespace Marquee.Api.Contracts.Common;

/// <summary>
/// A list whose every element was sent. JSON may carry <c>[null]</c> where the contract says objects or
/// strings; the runtime does not know the element type is not nullable, so it would reach the mapping.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class NoNullItemsAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is not IEnumerable items || items.Cast<object?>().All(item => item is not null);

    public override string FormatErrorMessage(string name) => $"The {name} field has an empty (null) element; send each one, or leave it out.";
}
