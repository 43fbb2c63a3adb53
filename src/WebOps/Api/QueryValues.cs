using System.Globalization;
using WebOps.Core.Validation;

namespace WebOps.Api;

/// <summary>
/// Reads optional whole-number query values (<c>tail</c>, <c>limit</c>, <c>after</c>, <c>run</c>) with their range, so a
/// bad one is answered 400 naming the parameter and its range, instead of being clamped or answered without a reason.
/// </summary>
public static class QueryValues
{
    public static long? Read(HttpRequest request, string name, long min, long max, List<FieldError> errors)
    {
        var values = request.Query[name];
        if (values.Count == 0)
        {
            return null;
        }

        if (values.Count == 1 && long.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors.Add(new FieldError(name, values.Count > 1
            ? $"is given {values.Count} times; give it once, e.g. {name}={Math.Max(min, 1)}"
            : $"must be a whole number from {min} to {max}, e.g. {name}={Math.Max(min, 1)}"));
        return null;
    }

    /// <summary>An optional <c>true</c>/<c>false</c> query value (<c>reveal</c>, <c>remove_images</c>); absent is false.</summary>
    public static bool Flag(HttpRequest request, string name, List<FieldError> errors)
    {
        var values = request.Query[name];
        if (values.Count == 0)
        {
            return false;
        }

        if (values.Count == 1 && bool.TryParse(values[0], out var value))
        {
            return value;
        }

        errors.Add(new FieldError(name, $"must be true or false, e.g. {name}=true"));
        return false;
    }

    public static IResult Refusal(IReadOnlyList<FieldError> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            detail: string.Join("; ", errors),
            title: "Bad query values: fix the parameters listed in errors.");
}
