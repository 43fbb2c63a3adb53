using System.Text.RegularExpressions;

namespace WebOps.Core.Dockerfiles;

/// <summary>
/// Checks every value that ends up in generated Dockerfile text. The allowed characters are a short list on
/// purpose: a Dockerfile line has no quoting that covers every instruction, so anything outside the list is
/// rejected instead of escaped, and generated text can never carry an extra instruction.
/// </summary>
internal static partial class DockerfileInputs
{
    /// <summary>Throws unless <paramref name="image"/> is a plain Docker image reference (name, optional tag and digest).</summary>
    public static string Image(string image, string option)
    {
        if (string.IsNullOrEmpty(image) || image.Length > 255 || !ImageReference().IsMatch(image))
        {
            throw new ArgumentException(
                $"Dockerfile option {option} '{Printable(image)}' is not a Docker image reference. "
                + "Use a name with an optional tag or digest, e.g. 'python:3.12-slim' or 'registry.local:5000/team/python:3.12'.",
                nameof(image));
        }

        return image;
    }

    /// <summary>
    /// Returns <paramref name="path"/> as a clean relative path ("." for the repository root), or throws when it
    /// could leave the build context or break the Dockerfile line.
    /// </summary>
    public static string RelativePath(string path, string field)
    {
        var trimmed = path.EndsWith('/') && path.Length > 1 ? path.TrimEnd('/') : path;
        if (trimmed == ".")
        {
            return trimmed;
        }

        if (trimmed.Length == 0 || !SafePath().IsMatch(trimmed)
            || trimmed.Split('/').Any(segment => segment is "" or "." or ".."))
        {
            throw new ArgumentException(
                $"Detected {field} '{Printable(path)}' cannot go into a generated Dockerfile: it must be a relative path "
                + "inside the repository using only letters, digits and . _ - + @ / (no '..', spaces or quotes). "
                + "Rename it, or add your own Dockerfile.",
                nameof(path));
        }

        return trimmed;
    }

    /// <summary>Throws unless <paramref name="module"/> is a dotted Python module name such as <c>mysite.wsgi</c>.</summary>
    public static string PythonModule(string? module)
    {
        if (module is null || !DottedModule().IsMatch(module))
        {
            throw new ArgumentException(
                $"Detected WSGI module '{Printable(module ?? "")}' is not a Python module name like 'mysite.wsgi'. "
                + "Check that settings.py names WSGI_APPLICATION, or add your own Dockerfile.",
                nameof(module));
        }

        return module;
    }

    public static int Port(int port)
    {
        if (port is < 1 or > 65535)
        {
            throw new ArgumentOutOfRangeException(
                nameof(port), port, $"Dockerfile option Port {port} is not a TCP port; use 1 to 65535.");
        }

        return port;
    }

    /// <summary>Control characters shown escaped, so an error message about a bad value stays on one line.</summary>
    private static string Printable(string value) =>
        string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));

    // The grammar of github.com/distribution/reference: [domain[:port]/]path[:tag][@digest], ASCII only.
    [GeneratedRegex(
        @"\A(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?/)?"
        + @"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*"
        + @"(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?"
        + @"(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?\z",
        RegexOptions.CultureInvariant)]
    private static partial Regex ImageReference();

    // No leading "-": a COPY source like "--from=x" would read as a flag. No leading "/": relative only.
    [GeneratedRegex(@"\A[A-Za-z0-9._+@][A-Za-z0-9._+@/-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex SafePath();

    [GeneratedRegex(@"\A[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex DottedModule();
}
