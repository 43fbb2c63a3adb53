using System.Text;
using WebOps.Core.Addons;

namespace WebOps.Tests.Unit.Addons;

/// <summary>
/// Mutated manifests (wrong types, huge and odd values, unicode, paths, broken bytes) through real discovery. Whatever
/// the input, discovery answers: the addon is either valid and safe (its name follows the rules, every script stays
/// inside its folder) or refused with messages that name the manifest; never an exception or a stack trace. The seed
/// is fixed, so a failure reproduces; the case number is in the message.
/// </summary>
public sealed class ManifestFuzzTests
{
    private const int Cases = 1500;

    private const string Base = """
        name: fz
        version: 1.2.3
        description: fuzzed
        author: tests
        requires: [docker]
        hooks:
          - event: pre_deployment
            priority: 10
            run: hooks/go.sh
            timeout: 30s
          - event: post_deployment
            run: hooks/go.sh
            always: true
        """;

    private static readonly string[] Values =
    [
        "", "~", "null", "true", "-1", "0", "99999999999999999999", "1e308", "NaN", "[]", "{}", "[a, [b, [c]]]",
        "{k: v}", "\"\\u0000\"", "\"\\u202e.sh\"", "\"\u00e9\u0301\"", "\"\ud83d\ude80\"", "'single'", "|\n    block",
        "../../../etc/passwd", "/bin/sh", "hooks/../../x.sh", "hooks/./go.sh", "hooks//go.sh", "C:\\x.bat",
        "hooks/go.sh\u0000.txt", "~/x.sh", "$(id)", "`id`", "; rm -rf /", "%2e%2e/x", "\\\\server\\share",
        new string('x', 5000), "\"" + new string('\u4e00', 3000) + "\"", "&anchor v", "*alias", "!!binary aGk=",
        "!!python/object:os.system", "? complex\n  : key", "2026-12-01", "0x1F", "1h30m", "-30s", "5000000h",
    ];

    private static readonly string[] Keys = ["name", "version", "description", "author", "requires", "hooks", "event", "priority", "run", "handler", "timeout", "always", "extra", "Name", "\u0430uthor"];

    [Fact]
    public async Task Every_mutated_manifest_is_either_refused_with_named_errors_or_valid_and_safe()
    {
        var random = new Random(20261201);
        using var folder = new AddonFolder();
        folder.Script("fz", "hooks/go.sh", "exit 0\n");
        var manifest = Path.Combine(folder.Folder("fz"), "addon.yaml");
        var scripts = Path.GetFullPath(folder.Folder("fz")) + Path.DirectorySeparatorChar;
        await File.WriteAllTextAsync(manifest, Base);
        var unmutated = Assert.Single(await new AddonTestHost(folder).Discovery.DiscoverAsync(CancellationToken.None));
        Assert.True(unmutated.IsValid, string.Join("\n", unmutated.Errors));
        var (valid, refused) = (0, 0);
        for (var i = 0; i < Cases; i++)
        {
            var bytes = Mutate(random);
            await File.WriteAllBytesAsync(manifest, bytes);

            IReadOnlyList<DiscoveredAddon> found;
            try
            {
                found = await new AddonTestHost(folder).Discovery.DiscoverAsync(CancellationToken.None);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"case {i}: discovery threw {e.GetType().Name}: {e.Message}\n--- manifest ---\n{Show(bytes)}");
            }

            var addon = Assert.Single(found);
            if (addon.IsValid)
            {
                valid++;
                Assert.True(ManifestRules.IsValidName(addon.Name), $"case {i}: accepted the name '{addon.Name}'\n{Show(bytes)}");
                foreach (var hook in addon.Hooks.Where(h => h.Run is not null))
                {
                    Assert.True(Path.GetFullPath(hook.Run!).StartsWith(scripts, StringComparison.Ordinal), $"case {i}: script {hook.Run} is outside the addon folder\n{Show(bytes)}");
                }
            }
            else
            {
                refused++;
                Assert.All(addon.Errors, e =>
                {
                    Assert.True(e.StartsWith("addons/fz", StringComparison.Ordinal), $"case {i}: an error does not name the manifest: {e}");
                    Assert.DoesNotContain("   at ", e, StringComparison.Ordinal);
                    Assert.True(e.Length < 2000, $"case {i}: an error of {e.Length} characters: {e[..Math.Min(300, e.Length)]}");
                });
            }
        }

        // The mutations reach both outcomes, so the loop above checked both branches.
        Assert.True(valid > 20 && refused > Cases / 2, $"{valid} valid and {refused} refused of {Cases}");
    }

    private static byte[] Mutate(Random random)
    {
        var lines = Base.Replace("\r", "", StringComparison.Ordinal).Split('\n').ToList();
        var rounds = random.Next(1, 3);
        for (var r = 0; r < rounds; r++)
        {
            var at = random.Next(lines.Count);
            switch (random.Next(8))
            {
                case 0: // a value of another type or shape
                    var colon = lines[at].IndexOf(':', StringComparison.Ordinal);
                    if (colon > 0)
                    {
                        lines[at] = lines[at][..(colon + 1)] + " " + Values[random.Next(Values.Length)];
                    }

                    break;
                case 1: // a line gone
                    lines.RemoveAt(at);
                    break;
                case 2: // a line twice (duplicate keys)
                    lines.Insert(at, lines[at]);
                    break;
                case 3: // an unknown or odd key
                    lines.Insert(at, new string(' ', random.Next(0, 6)) + Keys[random.Next(Keys.Length)] + ": " + Values[random.Next(Values.Length)]);
                    break;
                case 4: // indentation broken
                    lines[at] = new string(' ', random.Next(0, 9)) + lines[at].TrimStart();
                    break;
                case 5: // a character swapped for an odd one
                    if (lines[at].Length > 0)
                    {
                        var c = random.Next(lines[at].Length);
                        string[] odd = ["\t", "\u0000", "\u202e", "\ufeff", "\"", "'", "#", "&", "*", "{", "[", "|", ">", "%", "@", "`"];
                        lines[at] = lines[at][..c] + odd[random.Next(odd.Length)] + lines[at][(c + 1)..];
                    }

                    break;
                case 6: // free text (description, author) set to any value: often still a valid manifest
                    var text = lines.FindIndex(l => l.StartsWith(random.Next(2) == 0 ? "description:" : "author:", StringComparison.Ordinal));
                    if (text >= 0)
                    {
                        lines[text] = lines[text][..(lines[text].IndexOf(':', StringComparison.Ordinal) + 1)] + " " + Values[random.Next(Values.Length)];
                    }

                    break;
                default: // the run path replaced by a path-like value
                    var run = lines.FindIndex(l => l.TrimStart().StartsWith("run:", StringComparison.Ordinal));
                    if (run >= 0)
                    {
                        lines[run] = "    run: " + Values[random.Next(19, 33)];
                    }

                    break;
            }
        }

        var bytes = Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
        if (random.Next(10) == 0)
        {
            // Not UTF-8 at all: a byte that can never start a character.
            bytes[random.Next(bytes.Length)] = 0xFF;
        }

        return bytes;
    }

    private static string Show(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
