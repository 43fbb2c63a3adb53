using System.Globalization;
using WebOps.Core.Proxy;

namespace WebOps.Core.Validation;

/// <summary><c>domains</c>: each a valid host name (<see cref="DomainRule"/>), none listed twice.</summary>
internal static class DomainListRule
{
    private const string Field = "domains";

    public static void Check(IReadOnlyList<string> domains, List<FieldError> errors)
    {
        if (domains.Count > ValidationLimits.DomainsMaxCount)
        {
            errors.Add(new FieldError(Field,
                $"has {Describe.Count(domains.Count)} entries; the limit is {Describe.Count(ValidationLimits.DomainsMaxCount)}, so remove some"));
        }

        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < domains.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"{Field}[{i}]");
            var name = domains[i].Trim();
            if (DomainRule.Check(name) is { } problem)
            {
                errors.Add(new FieldError(path, problem));
            }
            else if (!seen.TryAdd(name, path))
            {
                errors.Add(new FieldError(path, $"'{name}' is listed twice (also {seen[name]}); keep one"));
            }
        }
    }
}
