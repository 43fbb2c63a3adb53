using System.Runtime.Versioning;
using System.Text;

namespace WebOps.Core.Systemd;

/// <summary>Writes a file so readers see the old text or the new one, never a half-written file or a wider mode.</summary>
[UnsupportedOSPlatform("windows")]
internal static class AtomicFile
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public const UnixFileMode WorldReadable = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Writes <paramref name="text"/> to a temporary file beside <paramref name="path"/>, created with
    /// <paramref name="mode"/> from the start (a file made first and narrowed later would be readable for a moment),
    /// flushes it to disk, then renames it over <paramref name="path"/>.
    /// </summary>
    public static async Task WriteAsync(string path, string text, UnixFileMode mode, CancellationToken ct)
    {
        var folder = Path.GetDirectoryName(path) ?? throw new ArgumentException($"'{path}' names no folder.", nameof(path));
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                UnixCreateMode = mode,
            };
            await using (var stream = new FileStream(temp, options))
            {
                await stream.WriteAsync(Utf8.GetBytes(text), ct);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
