using System.Net.Http.Json;
using System.Text.Json;
using WebOps.Tests.Integration.Docker;
using WebOps.Tests.Integration.Infrastructure;
using WebOps.Tests.Integration.ProcessAddon;

namespace WebOps.Tests.Integration.EndToEnd;

/// <summary>A Django app with a database, deployed with Docker: its migrations run as its container starts.</summary>
public sealed class DjangoMigrationsTests
{
    [DockerFact]
    public async Task The_database_is_migrated_before_gunicorn_serves_and_a_failing_migration_fails_the_redeploy_with_its_error()
    {
        await using var world = await DeployedApp.StartAsync();
        var name = world.NewName("djdb");
        var repo = await GitRepo.CreateAsync(Files());

        await world.Api.PostAsJsonAsync("/api/deployments", new { name, repo_url = repo.Url, use_docker = true });
        var d = await world.WaitForDeployAsync(name);

        Assert.True(d.GetProperty("status").GetString() == "running", await world.LogAsync(name));
        var url = d.GetProperty("url").GetString()!;
        // The view reads auth's table: without migrations it answers 500 (no such table: auth_user).
        Assert.Equal("users: 0", await DeployedApp.FetchAsync(url));
        var runtime = await RuntimeLogAsync(world, name);
        Assert.Contains("Applying auth.0001_initial... OK", runtime, StringComparison.Ordinal);

        // A migration that raises stops the new container before gunicorn starts; the deploy fails with its error.
        await repo.CommitAsync("add a migration that fails",
            ("mysite/settings.py", Settings().Replace("\"django.contrib.staticfiles\"]", "\"django.contrib.staticfiles\", \"broken\"]", StringComparison.Ordinal)),
            ("broken/__init__.py", ""),
            ("broken/migrations/__init__.py", ""),
            ("broken/migrations/0001_initial.py", """
                from django.db import migrations


                def refuse(apps, schema_editor):
                    raise RuntimeError("refused by the test migration")


                class Migration(migrations.Migration):
                    operations = [migrations.RunPython(refuse)]
                """));
        var (result, error) = await world.RedeployAsync(name);

        var log = await world.LogAsync(name);
        Assert.True(result == "failed", log);
        Assert.Contains("exited with code 1", error ?? log, StringComparison.Ordinal);
        Assert.Contains("RuntimeError: refused by the test migration", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Booting worker", log[log.LastIndexOf("exited with code 1", StringComparison.Ordinal)..], StringComparison.Ordinal);
        // The release that was serving serves on.
        Assert.Equal("users: 0", await DeployedApp.FetchAsync(url));
    }

    private static async Task<string> RuntimeLogAsync(DeployedApp world, string name) =>
        string.Join('\n', (await world.Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/runtime-logs?tail=200"))
            .EnumerateArray().Select(l => l.GetProperty("text").GetString()));

    /// <summary>The process tests' Django project (SQLite, contenttypes, auth), its view counting auth's users.</summary>
    private static (string, string)[] Files() =>
    [
        .. Apps.Django().Where(f => f.File != "mysite/urls.py"),
        ("mysite/urls.py", """
            from django.contrib.auth.models import User
            from django.http import HttpResponse
            from django.urls import path

            urlpatterns = [path("", lambda request: HttpResponse(f"users: {User.objects.count()}"))]
            """),
    ];

    private static string Settings() => Apps.Django().Single(f => f.File == "mysite/settings.py").Content;
}
