namespace WebOps.Core.Compose;

/// <summary>compose_service: a service name as Compose accepts it (letters, digits, '.', '_', '-'; 1 to 63 characters).</summary>
public static class ComposeServiceNameRule
{
    public static string? Check(string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        var valid = value.Length <= 63 && char.IsAsciiLetterOrDigit(value[0])
            && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
        return valid ? null : $"is {Validation.Describe.Quote(value)}, which is not a compose service name; use letters, digits, '.', '_' or '-' (up to 63), such as web";
    }
}
