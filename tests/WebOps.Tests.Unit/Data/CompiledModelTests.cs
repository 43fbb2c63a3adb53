using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using WebOps.Core.Deployments;
using WebOps.Core.Releases;
using WebOps.Data;
using WebOps.Data.Entities;

namespace WebOps.Tests.Unit.Data;

/// <summary>
/// The panel runs on the generated model (src/WebOps.Data/CompiledModel); these tests hold it to the configuration
/// classes, which migrations are made from, and check that its secret columns are sealed with the data folder's keys.
/// </summary>
public sealed class CompiledModelTests : IAsyncLifetime
{
    private const string Regenerate =
        "The compiled model (src/WebOps.Data/CompiledModel) no longer matches the configuration in src/WebOps.Data. Regenerate it: " +
        "dotnet tool restore; dotnet ef dbcontext optimize --project src/WebOps.Data --startup-project src/WebOps.Data --output-dir CompiledModel";

    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly SealingProtector protector = new();

    public Task InitializeAsync() => connection.OpenAsync();

    public Task DisposeAsync() => connection.DisposeAsync().AsTask();

    [Fact]
    public void The_compiled_model_has_the_tables_and_columns_the_configuration_gives()
    {
        using var built = new WebOpsDbContext(new DbContextOptionsBuilder<WebOpsDbContext>().UseSqlite(connection).Options, protector);
        using var compiled = Compiled();

        var expected = Schema(built.Model.GetRelationalModel());
        var actual = Schema(compiled.Model.GetRelationalModel());

        Assert.True(expected.SequenceEqual(actual),
            $"{Regenerate}\nOnly in the configuration: {string.Join("; ", expected.Except(actual))}\nOnly in the compiled model: {string.Join("; ", actual.Except(expected))}");
    }

    [Fact]
    public void The_compiled_model_has_the_secret_columns_the_configuration_gives()
    {
        using var built = new WebOpsDbContext(new DbContextOptionsBuilder<WebOpsDbContext>().UseSqlite(connection).Options, protector);
        using var compiled = Compiled();

        Assert.True(SecretColumns(built.GetService<IDesignTimeModel>().Model).SequenceEqual(SecretColumns(compiled.Model)), Regenerate);
    }

    [Fact]
    public async Task Every_secret_column_is_sealed_with_the_data_folders_protector_and_reads_back()
    {
        await using (var db = Compiled())
        {
            await db.Database.MigrateAsync();
            var deployment = new Deployment
            {
                Name = "blog",
                RepoUrl = "https://example.invalid/blog.git",
                EnvVars = new() { ["KEY"] = "env" },
                DockerBuildArgs = new() { ["ARG"] = "build" },
                DockerEnvVars = new() { ["DKEY"] = "docker" },
            };
            db.Deployments.Add(deployment);
            await db.SaveChangesAsync();
            db.Webhooks.Add(new DeploymentWebhook { DeploymentId = deployment.Id, Secret = "hook" });
            db.LlmSettings.Add(new DeploymentLlmSettings { DeploymentId = deployment.Id, Model = "m", Dtype = "auto", Gpus = "all", CacheVolume = "cache", HfToken = "hf" });
            db.DeployRuns.Add(new DeployRun { DeploymentId = deployment.Id, Config = new ReleaseConfig { EnvVars = new() { ["KEY"] = "release" } } });
            await db.SaveChangesAsync();
        }

        Assert.All(await RawAsync("select env_vars || docker_build_args || docker_env_vars from deployments union all " +
            "select secret from deployment_webhooks union all select hf_token from deployment_llm_settings union all select config from deploy_runs"),
            raw => Assert.StartsWith(SealingProtector.Prefix, raw, StringComparison.Ordinal));

        await using var read = Compiled();
        var d = await read.Deployments.SingleAsync();
        Assert.Equal(("env", "build", "docker"), (d.EnvVars["KEY"], d.DockerBuildArgs["ARG"], d.DockerEnvVars["DKEY"]));
        Assert.Equal("hook", (await read.Webhooks.SingleAsync()).Secret);
        Assert.Equal("hf", (await read.LlmSettings.SingleAsync()).HfToken);
        Assert.Equal("release", (await read.DeployRuns.SingleAsync()).Config!.EnvVars["KEY"]);
    }

    private WebOpsDbContext Compiled() =>
        new(new DbContextOptionsBuilder<WebOpsDbContext>().UseSqlite(connection).UseModel(CompiledModels.For(protector)).Options, protector);

    private async Task<List<string>> RawAsync(string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static IEnumerable<string> SecretColumns(IModel model) =>
        model.GetEntityTypes()
            .SelectMany(e => e.GetProperties())
            .Where(p => p.FindAnnotation("WebOps:Secret") != null)
            .Select(p => $"{p.DeclaringType.ClrType.Name}.{p.Name}")
            .Order(StringComparer.Ordinal);

    /// <summary>
    /// The database schema a model maps to, one line per column, key, index and foreign key: what migrations are made
    /// of. (EF Core's own model differ needs the design-time model, which a compiled model does not keep.)
    /// </summary>
    private static List<string> Schema(IRelationalModel model) =>
        model.Tables.SelectMany(t => t.Columns
                .Select(c => $"{t.Name}.{c.Name} {c.StoreType} {(c.IsNullable ? "null" : "not null")} default={c.DefaultValue ?? c.DefaultValueSql ?? "-"} computed={c.ComputedColumnSql ?? "-"} provider={c.ProviderClrType.Name}")
                .Concat(t.UniqueConstraints.Select(k => $"{t.Name} key {k.Name} ({string.Join(", ", k.Columns.Select(c => c.Name))}){(k.GetIsPrimaryKey() ? " primary" : "")}"))
                .Concat(t.Indexes.Select(i => $"{t.Name} index {i.Name} ({string.Join(", ", i.Columns.Select(c => c.Name))}){(i.IsUnique ? " unique" : "")} filter={i.Filter ?? "-"}"))
                .Concat(t.ForeignKeyConstraints.Select(f => $"{t.Name} foreign key {f.Name} ({string.Join(", ", f.Columns.Select(c => c.Name))}) -> {f.PrincipalTable.Name} on delete {f.OnDeleteAction}")))
            .Order(StringComparer.Ordinal)
            .ToList();
}
