using WebOps.Addons.Docker.Compose;

namespace WebOps.Tests.Unit.Compose;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class ComposeCommandsTests
{
    private static readonly ComposeCli V1 = new("docker-compose", [], false, "1.29.2");
    private static readonly ComposeCli V2 = new("docker", ["compose"], true, "2.29.1");

    private static ComposeCommands For(ComposeCli cli) => new(cli, "webops-blog", "/d/checkouts/blog/compose.yaml", "/d/compose/blog/webops.override.yml", "/d/compose/blog/webops.env");

    [Fact]
    public void Up_waits_itself_only_on_v2()
    {
        Assert.Equal(
            "--project-name webops-blog --file /d/checkouts/blog/compose.yaml --file /d/compose/blog/webops.override.yml --env-file /d/compose/blog/webops.env up -d --remove-orphans",
            string.Join(' ', For(V1).Up()));
        Assert.Equal(
            "compose --project-name webops-blog --file /d/checkouts/blog/compose.yaml --file /d/compose/blog/webops.override.yml --env-file /d/compose/blog/webops.env up -d --remove-orphans --wait",
            string.Join(' ', For(V2).Up()));
    }

    [Fact]
    public void Down_keeps_named_volumes_unless_asked_and_logs_name_one_service()
    {
        Assert.Equal(["down", "--remove-orphans"], For(V1).Down(volumes: false, images: false).Skip(8));
        Assert.Equal(["down", "--remove-orphans", "--volumes", "--rmi", "local"], For(V1).Down(volumes: true, images: true).Skip(8));
        Assert.Equal(["rm", "--stop", "--force", "-v"], For(V1).Remove().Skip(8));
        Assert.Equal(["logs", "--no-color", "--timestamps", "--tail", "50", "api"], For(V1).Logs("api", 50).Skip(8));
    }

    [Fact]
    public void Override_publishes_only_the_public_service_on_loopback_and_gives_every_service_the_env_file()
    {
        var text = ComposeOverride.Render(["web", "api"], "web", "127.0.0.1", 41000, 80, "/d/compose/blog/webops.env", "blog", 7, "3.8", new WebOps.Core.Resources.ResourceSettings());

        Assert.Equal(
            """
            {
              "version": "3.8",
              "services": {
                "web": {
                  "env_file": [
                    "/d/compose/blog/webops.env"
                  ],
                  "labels": {
                    "webops.deployment": "blog",
                    "webops.deploy_id": "7",
                    "webops.managed": "true"
                  },
                  "ports": [
                    "127.0.0.1:41000:80"
                  ],
                  "restart": "unless-stopped",
                  "logging": {
                    "driver": "json-file",
                    "options": {
                      "max-size": "10m",
                      "max-file": "3"
                    }
                  }
                },
                "api": {
                  "env_file": [
                    "/d/compose/blog/webops.env"
                  ],
                  "labels": {
                    "webops.deployment": "blog",
                    "webops.deploy_id": "7",
                    "webops.managed": "true"
                  },
                  "restart": "unless-stopped",
                  "logging": {
                    "driver": "json-file",
                    "options": {
                      "max-size": "10m",
                      "max-file": "3"
                    }
                  }
                }
              }
            }

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void Override_gives_every_service_the_limits_and_only_the_public_one_the_health_check()
    {
        var resources = new WebOps.Core.Resources.ResourceSettings
        {
            MemoryLimit = "64m",
            CpuLimit = 0.5m,
            PidsLimit = 100,
            RestartPolicy = "on-failure:3",
            LogMaxSize = "1m",
            LogMaxFile = 2,
            HealthCheck = new WebOps.Core.Resources.HealthCheckSettings { Path = "/up", Interval = "5s" },
        };

        var text = ComposeOverride.Render(["web", "db"], "web", "127.0.0.1", 41000, 8080, "/d/compose/blog/webops.env", "blog", null, null, resources);

        Assert.Equal(
            """
            {
              "services": {
                "web": {
                  "env_file": [
                    "/d/compose/blog/webops.env"
                  ],
                  "labels": {
                    "webops.deployment": "blog",
                    "webops.managed": "true",
                    "webops.memory_limit": "67108864"
                  },
                  "ports": [
                    "127.0.0.1:41000:8080"
                  ],
                  "mem_limit": "64m",
                  "memswap_limit": "64m",
                  "cpus": 0.5,
                  "pids_limit": 100,
                  "restart": "on-failure:3",
                  "logging": {
                    "driver": "json-file",
                    "options": {
                      "max-size": "1m",
                      "max-file": "2"
                    }
                  },
                  "healthcheck": {
                    "test": [
                      "CMD",
                      "sh",
                      "-c",
                      "wget -q -O /dev/null \"$$1\" || curl -fsS -o /dev/null \"$$1\"",
                      "webops-health",
                      "http://127.0.0.1:8080/up"
                    ],
                    "interval": "5s",
                    "timeout": "5s",
                    "retries": 3,
                    "start_period": "0s"
                  }
                },
                "db": {
                  "env_file": [
                    "/d/compose/blog/webops.env"
                  ],
                  "labels": {
                    "webops.deployment": "blog",
                    "webops.managed": "true",
                    "webops.memory_limit": "67108864"
                  },
                  "mem_limit": "64m",
                  "memswap_limit": "64m",
                  "cpus": 0.5,
                  "pids_limit": 100,
                  "restart": "on-failure:3",
                  "logging": {
                    "driver": "json-file",
                    "options": {
                      "max-size": "1m",
                      "max-file": "2"
                    }
                  }
                }
              }
            }

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void Env_file_lists_variables_docker_ones_winning_and_refuses_line_breaks()
    {
        var (text, _) = ComposeEnvFile.Render(new Dictionary<string, string> { ["B"] = "1", ["A"] = "x y $z" }, new Dictionary<string, string> { ["B"] = "2" });
        var (none, problem) = ComposeEnvFile.Render(new Dictionary<string, string> { ["KEY"] = "a\nb" }, new Dictionary<string, string>());

        Assert.Equal("A=x y $z\nB=2\n", text);
        Assert.Null(none);
        Assert.Equal("env_vars[KEY]: a Compose env file cannot hold a line break; put the value on one line.", problem);
    }

    [Fact]
    public async Task Env_file_is_written_readable_by_the_owner_only()
    {
        var path = Path.Combine(Path.GetTempPath(), $"webops-env-{Guid.NewGuid():N}");
        try
        {
            await File.WriteAllTextAsync(path, "old", CancellationToken.None);
            await ComposeEnvFile.WriteAsync(path, "A=1\n", CancellationToken.None);

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Equal("A=1\n", await File.ReadAllTextAsync(path, CancellationToken.None));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
