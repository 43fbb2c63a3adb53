using System.Globalization;
using WebOps.Core.Resources;
using WebOps.Core.Validation;

namespace WebOps.Pages.Deployments;

/// <summary>
/// The "Resources and health" section of the deployment form exactly as typed; HTML names are the API's names
/// (<c>memory_limit</c>, <c>health_check.path</c>), so the validator's errors land at their fields. An empty box
/// means no limit (or the default); an empty health check path turns the container check off.
/// </summary>
public sealed record ResourcesForm
{
    public string MemoryLimit { get; init; } = "";

    public string MemoryReservation { get; init; } = "";

    public string CpuLimit { get; init; } = "";

    public string PidsLimit { get; init; } = "";

    public string RestartPolicy { get; init; } = ResourceSettings.DefaultRestartPolicy;

    public string LogMaxSize { get; init; } = ResourceSettings.DefaultLogMaxSize;

    public string LogMaxFile { get; init; } = ResourceSettings.DefaultLogMaxFile.ToString(CultureInfo.InvariantCulture);

    public string HealthPath { get; init; } = "";

    public string HealthInterval { get; init; } = HealthCheckSettings.DefaultInterval;

    public string HealthTimeout { get; init; } = HealthCheckSettings.DefaultTimeout;

    public string HealthRetries { get; init; } = HealthCheckSettings.DefaultRetries.ToString(CultureInfo.InvariantCulture);

    public string HealthStartPeriod { get; init; } = HealthCheckSettings.DefaultStartPeriod;

    public static ResourcesForm From(ResourceSettings s) => new()
    {
        MemoryLimit = s.MemoryLimit ?? "",
        MemoryReservation = s.MemoryReservation ?? "",
        CpuLimit = s.CpuLimit?.ToString(CultureInfo.InvariantCulture) ?? "",
        PidsLimit = s.PidsLimit?.ToString(CultureInfo.InvariantCulture) ?? "",
        RestartPolicy = s.EffectiveRestartPolicy,
        LogMaxSize = s.EffectiveLogMaxSize,
        LogMaxFile = s.EffectiveLogMaxFile.ToString(CultureInfo.InvariantCulture),
        HealthPath = s.HealthCheck?.Path ?? "",
        HealthInterval = s.HealthCheck?.Interval ?? HealthCheckSettings.DefaultInterval,
        HealthTimeout = s.HealthCheck?.Timeout ?? HealthCheckSettings.DefaultTimeout,
        HealthRetries = (s.HealthCheck?.Retries ?? HealthCheckSettings.DefaultRetries).ToString(CultureInfo.InvariantCulture),
        HealthStartPeriod = s.HealthCheck?.StartPeriod ?? HealthCheckSettings.DefaultStartPeriod,
    };

    public static ResourcesForm Read(Func<string, string> text) => new()
    {
        MemoryLimit = text("memory_limit"),
        MemoryReservation = text("memory_reservation"),
        CpuLimit = text("cpu_limit"),
        PidsLimit = text("pids_limit"),
        RestartPolicy = text("restart_policy"),
        LogMaxSize = text("log_max_size"),
        LogMaxFile = text("log_max_file"),
        HealthPath = text("health_check.path"),
        HealthInterval = text("health_check.interval"),
        HealthTimeout = text("health_check.timeout"),
        HealthRetries = text("health_check.retries"),
        HealthStartPeriod = text("health_check.start_period"),
    };

    /// <summary>Copies the section onto <paramref name="input"/>; numbers that are not numbers become form errors.</summary>
    public void ApplyTo(DeploymentInput input, FormErrors errors)
    {
        input.MemoryLimit = MemoryLimit;
        input.MemoryReservation = MemoryReservation;
        input.CpuLimit = Number<decimal>("cpu_limit", CpuLimit, "a number of CPUs such as 0.5", errors, decimal.TryParse);
        input.PidsLimit = Number<long>("pids_limit", PidsLimit, "a whole number of processes such as 200", errors, long.TryParse);
        input.RestartPolicy = RestartPolicy;
        input.LogMaxSize = LogMaxSize;
        input.LogMaxFile = Number<int>("log_max_file", LogMaxFile, "a whole number of files such as 3", errors, int.TryParse);
        input.HealthCheck = new HealthCheckInput
        {
            Path = HealthPath,
            Interval = HealthInterval,
            Timeout = HealthTimeout,
            Retries = HealthPath.Length == 0 ? null : Number<int>("health_check.retries", HealthRetries, "a whole number such as 3", errors, int.TryParse),
            StartPeriod = HealthStartPeriod,
        };
    }

    private delegate bool Parser<T>(string text, NumberStyles styles, IFormatProvider provider, out T value);

    /// <summary>Empty means 0 (no limit, or the default); the validator checks the range.</summary>
    private static T? Number<T>(string field, string text, string expected, FormErrors errors, Parser<T> parse)
        where T : struct
    {
        if (text.Length == 0)
        {
            return default(T);
        }

        if (parse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(field, new FieldError(field, $"is '{text}', which is not a number; use {expected}, or leave it empty"));
        return null;
    }
}
