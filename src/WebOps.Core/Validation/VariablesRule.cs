using System.Text.RegularExpressions;

namespace WebOps.Core.Validation;

/// <summary>
/// Environment variables and build arguments: names a POSIX shell accepts, values a process can
/// receive (no NUL), and bounded sizes so one deployment cannot bloat the database or the container spec.
/// </summary>
internal static partial class VariablesRule
{
    public static void Check(string field, IReadOnlyDictionary<string, string> variables, List<FieldError> errors)
    {
        if (variables.Count > ValidationLimits.VariablesMaxCount)
        {
            errors.Add(new FieldError(field,
                $"has {Describe.Count(variables.Count)} entries; the limit is {Describe.Count(ValidationLimits.VariablesMaxCount)}, so remove some"));
        }

        foreach (var (name, value) in variables.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            var path = $"{field}[{Describe.Visible(name, 64)}]";
            var nameError = CheckName(name);
            if (nameError is not null)
            {
                errors.Add(new FieldError(path, nameError));
            }

            var valueError = CheckValue(value);
            if (valueError is not null)
            {
                errors.Add(new FieldError(path, valueError));
            }
        }
    }

    private static string? CheckName(string name)
    {
        if (name.Length == 0)
        {
            return "has an empty name; give a name such as DATABASE_URL";
        }

        if (name.Length > ValidationLimits.VariableNameMaxLength)
        {
            return $"has a name that {Describe.TooLong(name.Length, ValidationLimits.VariableNameMaxLength)}; shorten it";
        }

        return Name().IsMatch(name)
            ? null
            : "has a name that is not allowed; use letters, digits and '_', not starting with a digit, e.g. DATABASE_URL";
    }

    private static string? CheckValue(string? value)
    {
        // JSON can carry null despite the non-null type.
        if (value is null)
        {
            return "has no value; give a string (an empty string is fine)";
        }

        if (value.Length > ValidationLimits.VariableValueMaxLength)
        {
            return $"has a value that {Describe.TooLong(value.Length, ValidationLimits.VariableValueMaxLength)}; store large data in a file or volume instead";
        }

        return value.Contains('\0', StringComparison.Ordinal)
            ? "has a value containing a NUL character, which a process cannot receive; remove it"
            : null;
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Name();
}
