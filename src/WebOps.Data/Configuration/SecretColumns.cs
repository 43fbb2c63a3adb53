using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using WebOps.Core.Releases;
using WebOps.Data.Secrets;

namespace WebOps.Data.Configuration;

/// <summary>
/// The encrypted columns. Their converters hold the data folder's protector, which generated code cannot contain: the
/// design-time context (<see cref="UnboundSecretProtector"/>) gives them placeholders that throw, so the compiled
/// model can be generated, and each one carries an annotation naming its kind, by which
/// <see cref="CompiledModels"/> binds the real converters when it builds a model for a protector.
/// </summary>
internal static class SecretColumns
{
    public const string Annotation = "WebOps:Secret";

    /// <summary>A dictionary (environment variables, build arguments) as encrypted JSON; plain <c>{}</c> reads too.</summary>
    public const string Map = "map";

    /// <summary>A release's configuration as encrypted JSON.</summary>
    public const string Release = "release";

    /// <summary>A required string (a webhook's secret).</summary>
    public const string Text = "text";

    /// <summary>A string that may be null (a model hub token); null stays NULL.</summary>
    public const string OptionalText = "optional-text";

    public static PropertyBuilder<T> Configure<T>(PropertyBuilder<T> property, string kind, ISecretProtector protector) =>
        property
            .HasConversion(protector is UnboundSecretProtector ? Unbound<T>() : Converter(kind, protector), Comparer(kind))
            .HasAnnotation(Annotation, kind);

    /// <summary>The converter of a secret column of this kind, holding this protector.</summary>
    public static ValueConverter Converter(string kind, ISecretProtector protector) => kind switch
    {
        Map => JsonConverters.SecretMap(protector),
        Release => JsonConverters.SecretJson<ReleaseConfig>(protector),
        Text => new ValueConverter<string, string>(v => protector.Protect(v), v => protector.Unprotect(v)),
        OptionalText => new ValueConverter<string?, string?>(v => v == null ? null : protector.Protect(v), v => v == null ? null : protector.Unprotect(v)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown secret column kind; add it to SecretColumns.Converter."),
    };

    /// <summary>Called only by a placeholder converter, which the real one replaces before any query runs.</summary>
    public static TValue NotBound<TValue>() =>
        throw new InvalidOperationException("A secret column's converter was used without a protector bound to it: the model was not built by CompiledModels.For.");

    private static ValueComparer? Comparer(string kind) => kind switch
    {
        Map => JsonConverters.MapComparer(),
        Release => JsonConverters.JsonComparer<ReleaseConfig>(),
        _ => null,
    };

    private static ValueConverter<T, string> Unbound<T>() => new(v => NotBound<string>(), v => NotBound<T>());
}
