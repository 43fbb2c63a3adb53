using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using WebOps.Data.Secrets;

namespace WebOps.Data.Configuration;

/// <summary>JSON column converters: plain for lists, encrypted for secret dictionaries.</summary>
internal static class JsonConverters
{
    // Public, not private: the compiled model's generated converters refer to it, and its generator reads only public
    // static fields.
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General);

    public static ValueConverter<List<string>, string> StringList() => new(
        v => JsonSerializer.Serialize(v, Options),
        v => JsonSerializer.Deserialize<List<string>>(v, Options) ?? new List<string>());

    /// <summary>
    /// The whole dictionary is serialized, then encrypted. Rows written by a migration default hold plain
    /// <c>{}</c>; protected text never starts with '{', so that form is read as plain JSON.
    /// </summary>
    public static ValueConverter<Dictionary<string, string>, string> SecretMap(ISecretProtector protector) => new(
        v => protector.Protect(JsonSerializer.Serialize(v, Options)),
        v => JsonSerializer.Deserialize<Dictionary<string, string>>(
            v.StartsWith('{') ? v : protector.Unprotect(v), Options) ?? new Dictionary<string, string>());

    /// <summary>A whole object as encrypted JSON (a release's configuration holds secrets among plain settings).</summary>
    public static ValueConverter<T?, string> SecretJson<T>(ISecretProtector protector)
        where T : class => new(
        v => protector.Protect(JsonSerializer.Serialize(v, Options)),
        v => JsonSerializer.Deserialize<T>(protector.Unprotect(v), Options));

    /// <summary>A whole object as plain JSON; an empty or unreadable column reads as a fresh object (the defaults).</summary>
    public static ValueConverter<T, string> PlainJson<T>()
        where T : class, new() => new(
        v => JsonSerializer.Serialize(v, Options),
        v => JsonSerializer.Deserialize<T>(v, Options) ?? new T());

    /// <summary>Equal when the JSON is; snapshots are replaced whole, never changed in place.</summary>
    public static ValueComparer<T?> JsonComparer<T>()
        where T : class => new(
        (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
        v => JsonSerializer.Serialize(v, Options).GetHashCode(StringComparison.Ordinal),
        v => v == null ? null : JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Options), Options));

    public static ValueComparer<List<string>> ListComparer() => new(
        (a, b) => a!.SequenceEqual(b!),
        v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode(StringComparison.Ordinal))),
        v => v.ToList());

    public static ValueComparer<Dictionary<string, string>> MapComparer() => new(
        (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
        v => v.Aggregate(0, (h, kv) => h ^ HashCode.Combine(kv.Key, kv.Value)),
        v => new Dictionary<string, string>(v));
}
