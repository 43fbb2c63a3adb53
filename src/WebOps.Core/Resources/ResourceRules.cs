using System.Globalization;
using WebOps.Core.Health;
using WebOps.Core.Validation;

namespace WebOps.Core.Resources;

/// <summary>
/// Checks the resource and health fields of a deployment's input; each error names its snake_case field and the fix.
/// Empty texts and 0 are accepted: they remove a limit.
/// </summary>
public static class ResourceRules
{
    /// <summary>Docker refuses to start a container with less memory than this.</summary>
    public const long MinMemoryBytes = 6 * ByteSize.Mebibyte;

    public const long MaxPids = 4_194_304;
    public const int MaxLogFiles = 100;
    public const int MaxRetries = 100;

    public static void Check(DeploymentInput input, int cpuCount, List<FieldError> errors)
    {
        var limit = Memory("memory_limit", input.MemoryLimit, errors);
        var reservation = Memory("memory_reservation", input.MemoryReservation, errors);
        if (limit is { } l && reservation is { } r && r > l)
        {
            errors.Add(new("memory_reservation", $"is {ByteSize.Describe(r)}, above memory_limit ({ByteSize.Describe(l)}); lower it or raise memory_limit"));
        }

        if (input.CpuLimit is { } cpus && cpus != 0 && (cpus < 0.01m || cpus > cpuCount || decimal.Round(cpus, 2) != cpus))
        {
            errors.Add(new("cpu_limit", Invariant($"is {cpus}; use a number of CPUs from 0.01 to {cpuCount} with at most two decimals (e.g. 0.5), or 0 for no limit")));
        }

        if (input.PidsLimit is { } pids and (< 0 or > MaxPids))
        {
            errors.Add(new("pids_limit", Invariant($"is {pids}; use 1 to {MaxPids} processes, or 0 for no limit")));
        }

        if (!string.IsNullOrEmpty(input.RestartPolicy) && RestartPolicyGrammar.Read(input.RestartPolicy.Trim()).Error is { } policyError)
        {
            errors.Add(new("restart_policy", $"'{Shorten(input.RestartPolicy)}' {Joined(policyError)}"));
        }

        if (!string.IsNullOrEmpty(input.LogMaxSize) && ByteSize.TryParse(input.LogMaxSize.Trim()) is not > 0)
        {
            errors.Add(new("log_max_size", $"'{Shorten(input.LogMaxSize)}' is not a size; use Docker notation such as 10m or 1g"));
        }

        if (input.LogMaxFile is { } files and (< 0 or > MaxLogFiles))
        {
            errors.Add(new("log_max_file", Invariant($"is {files}; keep 1 to {MaxLogFiles} log files, or 0 for the default ({ResourceSettings.DefaultLogMaxFile})")));
        }

        if (input.HealthCheck is { } check)
        {
            HealthCheck(check, errors);
        }
    }

    private static long? Memory(string field, string? text, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (ByteSize.TryParse(text.Trim()) is not { } bytes)
        {
            errors.Add(new(field, $"'{Shorten(text)}' is not a size; use Docker notation such as 256m or 1g, or leave it empty for no limit"));
            return null;
        }

        if (bytes < MinMemoryBytes)
        {
            errors.Add(new(field, $"is {ByteSize.Describe(bytes)}, below the 6 MiB Docker needs to run a container; use 6m or more"));
            return null;
        }

        return bytes;
    }

    private static void HealthCheck(HealthCheckInput check, List<FieldError> errors)
    {
        if (check.Path is null)
        {
            errors.Add(new("health_check.path", "is required to turn the check on, e.g. /health; give an empty path to turn it off"));
        }
        else if (check.Path.Length > 0)
        {
            errors.AddRange(HealthSettingsRules.Validate(check.Path, null, null).Select(e => e with { Field = "health_check." + e.Field }));
        }

        Duration("health_check.interval", check.Interval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(24), errors);
        Duration("health_check.timeout", check.Timeout, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1), errors);
        Duration("health_check.start_period", check.StartPeriod, TimeSpan.Zero, TimeSpan.FromHours(24), errors);
        if (check.Retries is { } retries and (< 1 or > MaxRetries))
        {
            errors.Add(new("health_check.retries", Invariant($"is {retries}; use 1 to {MaxRetries} failed checks in a row before the container counts as unhealthy")));
        }
    }

    private static void Duration(string field, string? text, TimeSpan min, TimeSpan max, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var range = $"{Describe(min)} to {Describe(max)}";
        if (DurationText.TryParse(text.Trim()) is not { } value)
        {
            errors.Add(new(field, $"'{Shorten(text)}' is not a duration; use e.g. 30s, 5m or 1m30s ({range})"));
        }
        else if (value < min || value > max)
        {
            errors.Add(new(field, $"is {text.Trim()}; use {range}"));
        }
    }

    private static string Describe(TimeSpan span) =>
        span.TotalHours >= 1 ? Invariant($"{span.TotalHours:0}h") : Invariant($"{span.TotalSeconds:0}s");

    /// <summary>Grammar errors read after the policy text: "is not one..." directly, others after a colon.</summary>
    private static string Joined(string error) => error.StartsWith("is ", StringComparison.Ordinal) ? error : $"is refused: {error}";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Shorten(string text)
    {
        var clean = new string(text.Take(40).Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return text.Length > 40 ? clean + "..." : clean;
    }
}
