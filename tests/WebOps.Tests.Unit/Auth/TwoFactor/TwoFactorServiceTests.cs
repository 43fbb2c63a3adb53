using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OtpNet;
using WebOps.Auth.TwoFactor;
using WebOps.Core.Accounts;
using WebOps.Data;
using WebOps.Tests.Unit.Health;

namespace WebOps.Tests.Unit.Auth.TwoFactor;

/// <summary>Set-up, login checks and turning off, against a real (in-memory) SQLite database built from the migrations.</summary>
public sealed class TwoFactorServiceTests : IAsyncLifetime
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 5, TimeSpan.Zero));
    private WebOpsDbContext db = null!;
    private TwoFactorService service = null!;
    private User user = null!;

    public async Task InitializeAsync()
    {
        await connection.OpenAsync();
        db = new WebOpsDbContext(new DbContextOptionsBuilder<WebOpsDbContext>().UseSqlite(connection).Options, new PlainProtector());
        await db.Database.MigrateAsync();
        var services = new ServiceCollection()
            .AddDbContext<WebOpsDbContext>(o => o.UseSqlite(connection))
            .AddSingleton<WebOps.Data.Secrets.ISecretProtector>(new PlainProtector())
            .BuildServiceProvider();
        var audit = new WebOps.Audit.AuditLog(services.GetRequiredService<IServiceScopeFactory>(), new Microsoft.AspNetCore.Http.HttpContextAccessor(), clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<WebOps.Audit.AuditLog>.Instance);
        service = new TwoFactorService(db, new EphemeralDataProtectionProvider(), clock, audit);
        user = new User { Username = "tester", PasswordHash = "x" };
        db.Users.Add(user);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await db.DisposeAsync();
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task Set_up_stays_off_until_a_code_confirms_it_then_stores_the_secret_encrypted_and_only_code_hashes()
    {
        var enrolment = await service.BeginAsync(user, default);
        Assert.False(TwoFactorService.IsOn(user));
        Assert.Null(await service.ConfirmAsync(user, WrongCodeFor(enrolment), default));
        Assert.False(TwoFactorService.IsOn(user));

        var codes = await service.ConfirmAsync(user, CodeFor(enrolment, clock.GetUtcNow()), default);

        Assert.Equal(10, codes!.Count);
        Assert.True(TwoFactorService.IsOn(user));
        Assert.Null(user.TwoFactorPendingSecret);
        Assert.DoesNotContain(enrolment.SecretBase32, await RawColumnAsync("two_factor_secret"), StringComparison.Ordinal);
        var stored = await db.RecoveryCodes.Select(r => r.CodeHash).ToListAsync();
        Assert.Equal(codes.Select(c => RecoveryCodes.Hash(c)).Order(), stored.Order());
    }

    [Fact]
    public async Task The_code_that_confirmed_set_up_cannot_log_in_but_the_next_one_can_and_only_once()
    {
        var enrolment = await service.BeginAsync(user, default);
        var confirming = CodeFor(enrolment, clock.GetUtcNow());
        await service.ConfirmAsync(user, confirming, default);

        Assert.Equal(SecondFactorResult.Reused, await service.VerifyAsync(user, confirming, default));

        clock.Advance(TimeSpan.FromSeconds(30));
        var next = CodeFor(enrolment, clock.GetUtcNow());
        Assert.Equal(SecondFactorResult.Code, await service.VerifyAsync(user, next, default));
        Assert.Equal(SecondFactorResult.Reused, await service.VerifyAsync(user, next, default));
    }

    [Fact]
    public async Task A_step_taken_by_another_request_is_refused_even_when_this_one_loaded_the_user_before()
    {
        var enrolment = await service.BeginAsync(user, default);
        await service.ConfirmAsync(user, CodeFor(enrolment, clock.GetUtcNow()), default);
        clock.Advance(TimeSpan.FromSeconds(30));
        var code = CodeFor(enrolment, clock.GetUtcNow());

        // Another request took this step already; this one still holds the user as loaded before that.
        await db.Users.ExecuteUpdateAsync(s => s.SetProperty(u => u.TwoFactorLastStep, user.TwoFactorLastStep + 1));

        Assert.Equal(SecondFactorResult.Reused, await service.VerifyAsync(user, code, default));
    }

    [Fact]
    public async Task Each_recovery_code_works_once()
    {
        var enrolment = await service.BeginAsync(user, default);
        var codes = await service.ConfirmAsync(user, CodeFor(enrolment, clock.GetUtcNow()), default);

        Assert.Equal(SecondFactorResult.RecoveryCode, await service.VerifyAsync(user, codes![3].ToUpperInvariant(), default));
        Assert.Equal(SecondFactorResult.Wrong, await service.VerifyAsync(user, codes[3], default));
        Assert.Equal(9, await service.RecoveryCodesLeftAsync(user, default));
        Assert.Equal(SecondFactorResult.RecoveryCode, await service.VerifyAsync(user, codes[4], default));
    }

    [Fact]
    public async Task Turning_off_forgets_the_secret_and_the_recovery_codes()
    {
        var enrolment = await service.BeginAsync(user, default);
        var codes = await service.ConfirmAsync(user, CodeFor(enrolment, clock.GetUtcNow()), default);

        await service.DisableAsync(user, default);

        Assert.False(TwoFactorService.IsOn(user));
        Assert.Equal(0, await db.RecoveryCodes.CountAsync());
        Assert.Equal("", await RawColumnAsync("two_factor_secret"));
        Assert.Equal(SecondFactorResult.Wrong, await service.VerifyAsync(user, codes![0], default));
    }

    private static string CodeFor(TwoFactorEnrolment enrolment, DateTimeOffset at) =>
        new Totp(Base32Encoding.ToBytes(enrolment.SecretBase32)).ComputeTotp(at.UtcDateTime);

    /// <summary>A six-digit code that is none of the three the window accepts now.</summary>
    private string WrongCodeFor(TwoFactorEnrolment enrolment)
    {
        var now = clock.GetUtcNow();
        string[] right = [CodeFor(enrolment, now.AddSeconds(-30)), CodeFor(enrolment, now), CodeFor(enrolment, now.AddSeconds(30))];
        return Enumerable.Range(0, 4).Select(i => new string((char)('0' + i), 6)).First(c => !right.Contains(c));
    }

    private async Task<string> RawColumnAsync(string column)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COALESCE({column}, '') FROM users";
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
