using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebOps.Core.Deployments;
using WebOps.Core.Releases;
using WebOps.Data;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Data;

/// <summary>A release's configuration holds the deployment's secrets: it is encrypted at rest like the deployment's own.</summary>
public sealed class ReleaseSnapshotAtRestTests
{
    [Fact]
    public async Task A_release_configuration_is_stored_encrypted_and_read_back_whole()
    {
        await using var panel = await PanelApp.StartAsync();
        var marker = "s3cr3t-" + Guid.NewGuid().ToString("N");
        int runId;
        await using (var scope = panel.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
            var d = new Deployment { Name = "snap", RepoUrl = "https://example.invalid/snap.git", UseDocker = true };
            db.Deployments.Add(d);
            await db.SaveChangesAsync();
            var run = new DeployRun
            {
                DeploymentId = d.Id,
                Result = "succeeded",
                Image = "webops/snap:deploy-1",
                Config = new ReleaseConfig
                {
                    EnvVars = new() { ["SECRET_KEY"] = marker + "-env" },
                    DockerEnvVars = new() { ["DB_PASSWORD"] = marker + "-docker" },
                    Domains = ["snap.example.com"],
                    AppPort = 8080,
                    ProjectType = ProjectType.Static,
                },
            };
            db.DeployRuns.Add(run);
            await db.SaveChangesAsync();
            runId = run.Id;

            var stored = await db.Database.SqlQuery<string>($"SELECT config AS Value FROM deploy_runs WHERE id = {runId}").SingleAsync();
            Assert.DoesNotContain(marker, stored, StringComparison.Ordinal);
            Assert.DoesNotContain("snap.example.com", stored, StringComparison.Ordinal);
        }

        await using (var scope = panel.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
            var config = (await db.DeployRuns.AsNoTracking().SingleAsync(r => r.Id == runId)).Config!;
            Assert.Equal(marker + "-env", config.EnvVars["SECRET_KEY"]);
            Assert.Equal(marker + "-docker", config.DockerEnvVars["DB_PASSWORD"]);
            Assert.Equal(["snap.example.com"], config.Domains);
            Assert.Equal(8080, config.AppPort);
        }
    }
}
