namespace WebOps.Core.Planning;

/// <summary>Reads the first port a Dockerfile EXPOSEs (<c>EXPOSE 8080</c>, <c>EXPOSE 8080/tcp 9090</c>).</summary>
public static class DockerfileExpose
{
    /// <summary>Only the head of a file is read: an EXPOSE further down than this is not worth a large read.</summary>
    public const int MaxLines = 500;

    public static int? FirstPort(IEnumerable<string> lines)
    {
        foreach (var line in lines.Take(MaxLines))
        {
            var parts = line.Trim().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 2 && parts[0].Equals("EXPOSE", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(parts[1].Split('/')[0], out var port) && port is > 0 and < 65536)
            {
                return port;
            }
        }

        return null;
    }
}
