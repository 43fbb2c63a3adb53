using System.Net.Http.Json;
using System.Text.Json;
using WebOps.Tests.Integration.EndToEnd;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Docker;

/// <summary>A build that fails in a RUN step: the run's error says why, and the stored log is plain text.</summary>
public sealed class FailedBuildCauseTests
{
    [DockerFact]
    public async Task A_failed_pip_install_puts_the_missing_distribution_into_the_run_error()
    {
        await using var world = await DeployedApp.StartAsync();
        var name = world.NewName("pip");
        // pip reaches no index here, so a requirement the local Python image lacks cannot be installed.
        var repo = await GitRepo.CreateAsync(
            ("manage.py", """
                import os, sys
                if __name__ == "__main__":
                    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")
                    from django.core.management import execute_from_command_line
                    execute_from_command_line(sys.argv)
                """),
            ("mysite/__init__.py", ""),
            ("mysite/settings.py", "SECRET_KEY = 'test-only'\nROOT_URLCONF = 'mysite.urls'\n"),
            ("mysite/wsgi.py", """
                import os
                from django.core.wsgi import get_wsgi_application
                os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")
                application = get_wsgi_application()
                """),
            ("requirements.txt", "django>=6.0\n"));

        await world.Api.PostAsJsonAsync("/api/deployments", new { name, repo_url = repo.Url, use_docker = true });
        var d = await world.WaitForDeployAsync(name);

        var run = (await world.Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/runs"))[0];
        var lines = (await world.Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/logs")).EnumerateArray()
            .Select(l => (Level: l.GetProperty("level").GetString(), Message: l.GetProperty("message").GetString()!))
            .ToList();
        var log = string.Join('\n', lines.Select(l => $"[{l.Level}] {l.Message}"));
        Assert.True(d.GetProperty("status").GetString() == "failed", log);
        var error = run.GetProperty("error").GetString()!;
        Assert.Contains($"Build of '{name}' failed at Step ", error, StringComparison.Ordinal);
        Assert.Contains("returned a non-zero code: 1", error, StringComparison.Ordinal);
        Assert.Contains("No matching distribution found for django>=6.0", error, StringComparison.Ordinal);
        Assert.True(lines.Contains(("error", "ERROR: No matching distribution found for django>=6.0")), log);
        Assert.DoesNotContain('\u001b', log);

        // The deployment page leads with the failure and its cause, not only a tooltip in the runs table.
        using var browser = await world.Panel.LoggedInAsync();
        var page = await browser.GetStringAsync($"/deployments/{name}");
        Assert.Contains("data-run-error", page, StringComparison.Ordinal);
        var banner = page[page.IndexOf("data-run-error", StringComparison.Ordinal)..page.IndexOf("aria-label=\"Actions\"", StringComparison.Ordinal)];
        Assert.DoesNotContain("hidden", banner[..banner.IndexOf('>', StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains($"Deploy #{run.GetProperty("id").GetInt32()} failed", banner, StringComparison.Ordinal);
        Assert.Contains("No matching distribution found for django&gt;=6.0", banner, StringComparison.Ordinal);
    }
}
