namespace WebOps.Addons.Docker.Spec;

/// <summary>The start of every <c>docker run</c> argument list WebOps writes: name, labels, env, binds.</summary>
internal static class RunArgs
{
    public static List<string> Start(
        string name, IEnumerable<KeyValuePair<string, string>> labels, IEnumerable<string> env, IEnumerable<string> binds)
    {
        var args = new List<string> { "--name", name };
        foreach (var (key, value) in labels)
        {
            args.AddRange(["--label", $"{key}={value}"]);
        }

        foreach (var variable in env)
        {
            args.AddRange(["-e", variable]);
        }

        foreach (var bind in binds)
        {
            args.AddRange(["-v", bind]);
        }

        return args;
    }
}
