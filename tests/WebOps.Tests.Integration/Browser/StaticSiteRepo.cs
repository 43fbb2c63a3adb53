using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Browser;

/// <summary>A one-page static site in a real local git repository, with a marker to find on the served page.</summary>
public sealed class StaticSiteRepo : IDisposable
{
    private StaticSiteRepo(GitRepo repo, string marker)
    {
        Repo = repo;
        Marker = marker;
    }

    public GitRepo Repo { get; }

    public string Marker { get; }

    public string Url => Repo.Url;

    public static async Task<StaticSiteRepo> CreateAsync()
    {
        var marker = "webops-ui-marker-" + Guid.NewGuid().ToString("N")[..12];
        var html = $"<!DOCTYPE html><html><head><title>UI test site</title></head><body><h1>{marker}</h1></body></html>\n";
        return new StaticSiteRepo(await GitRepo.CreateAsync(("index.html", html)), marker);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Repo.Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: git may still hold a file for a moment; the temp folder is cleaned anyway.
        }
    }
}
