using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WebOps.Data;

/// <summary>
/// The few yes-or-no questions the panel asks of its database before it has served anything (is it migrated, did the
/// last process leave runs half-done, is there a user) and on each <c>/healthz</c> (does an app use Docker), asked in
/// plain SQL on a connection of their own. Through EF Core, the first of them cost about 0.4 s of CPU (a context, its
/// services, the first compiled queries) on every start, before the panel could answer at all; here they take some
/// 45 ms, most of it SQLite's first open, and EF Core's first use moves to the work that follows start-up. SQLite only, as
/// the panel's database is; the names are the model's (snake case), and DatabaseProbeTests hold them to it.
/// </summary>
public sealed class DatabaseProbe(string connectionString)
{
    private const string History = "__EFMigrationsHistory";

    /// <summary>Every migration this build knows, found the way EF Core finds them: by their attributes.</summary>
    public static IReadOnlyList<string> KnownMigrations { get; } = [.. Types()
        .Where(t => t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(WebOpsDbContext))
        .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
        .OfType<string>()
        .Order(StringComparer.Ordinal)];

    /// <summary>What a start must do; read in one short connection.</summary>
    public async Task<StartState> ReadStartStateAsync(CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        if (!await AskAsync(connection, $"SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '{History}')", ct))
        {
            return new StartState(Migrated: false, UnfinishedRuns: false, AnyUser: false);
        }

        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT \"MigrationId\" FROM \"{History}\"";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                applied.Add(reader.GetString(0));
            }
        }

        if (!KnownMigrations.All(applied.Contains))
        {
            return new StartState(Migrated: false, UnfinishedRuns: false, AnyUser: false);
        }

        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL", ct);
        // The rows StartupTasks settles: change both together.
        var unfinished = await AskAsync(connection,
            "SELECT EXISTS (SELECT 1 FROM deploy_runs WHERE result IN ('queued', 'running')) "
            + "OR EXISTS (SELECT 1 FROM deployments WHERE status = 'Building')", ct);
        var anyUser = await AskAsync(connection, "SELECT EXISTS (SELECT 1 FROM users)", ct);
        return new StartState(Migrated: true, unfinished, anyUser);
    }

    /// <summary>Whether any deployment runs in Docker, which decides whether <c>/healthz</c> asks the engine.</summary>
    public async Task<bool> AnyDockerDeploymentAsync(CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        return await AskAsync(connection, "SELECT EXISTS (SELECT 1 FROM deployments WHERE use_docker)", ct);
    }

    private static IEnumerable<Type> Types()
    {
        try
        {
            return typeof(WebOpsDbContext).Assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            // A type that needs an assembly a published panel leaves out (design-time only) is not a migration.
            return e.Types.OfType<Type>();
        }
    }

    private static async Task<bool> AskAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) != 0;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>
/// What a start found: <see cref="Migrated"/> false means a new database or one a newer build must migrate (the other
/// two are then not asked).
/// </summary>
public sealed record StartState(bool Migrated, bool UnfinishedRuns, bool AnyUser)
{
    /// <summary>Migrated, nothing to settle, a user to log in: the usual start, with no work through EF Core.</summary>
    public bool NothingToDo => Migrated && !UnfinishedRuns && AnyUser;
}
