using System.Globalization;
using Microsoft.Extensions.Options;

namespace WebOps.Audit;

/// <summary>Refuses to start with a retention that would delete the whole log at once (or never make sense).</summary>
public sealed class AuditOptionsValidator : IValidateOptions<AuditOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditOptions options) =>
        options.RetentionDays >= 1
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(string.Create(
                CultureInfo.InvariantCulture,
                $"Audit:RetentionDays is {options.RetentionDays}; it must be 1 or more (the days audit entries are kept). Set it to 1 or more, or remove it to keep the default of 90."));
}
