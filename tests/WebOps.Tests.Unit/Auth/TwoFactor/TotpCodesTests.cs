using System.Text;
using WebOps.Auth.TwoFactor;

namespace WebOps.Tests.Unit.Auth.TwoFactor;

/// <summary>
/// Codes checked against RFC 6238's own test vector: the SHA-1 secret "12345678901234567890" gives 07081804 at
/// 1111111109 seconds, so 081804 in six digits, time step 37037036.
/// </summary>
public sealed class TotpCodesTests
{
    private const string Code = "081804";
    private const long Step = 37037036;
    private static readonly byte[] Secret = Encoding.ASCII.GetBytes("12345678901234567890");
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeSeconds(1111111109);

    [Fact]
    public void The_code_of_now_is_accepted_with_its_step()
    {
        Assert.Equal(TotpCheck.Accepted(Step), TotpCodes.Verify(Secret, Code, At, lastAcceptedStep: null));
    }

    [Theory]
    [InlineData(-30)]
    [InlineData(30)]
    public void A_code_one_step_early_or_late_is_still_accepted(int seconds)
    {
        Assert.Equal(TotpCheck.Accepted(Step), TotpCodes.Verify(Secret, Code, At.AddSeconds(seconds), lastAcceptedStep: null));
    }

    [Theory]
    [InlineData(-60)]
    [InlineData(60)]
    public void A_code_two_steps_away_is_wrong(int seconds)
    {
        Assert.Equal(TotpCheck.Wrong, TotpCodes.Verify(Secret, Code, At.AddSeconds(seconds), lastAcceptedStep: null));
    }

    [Fact]
    public void A_code_whose_step_was_used_is_refused_as_reused_while_it_is_still_in_the_window()
    {
        Assert.Equal(TotpCheck.Reused(Step), TotpCodes.Verify(Secret, Code, At.AddSeconds(30), lastAcceptedStep: Step));
    }

    [Fact]
    public void An_older_code_is_refused_once_a_later_one_was_used()
    {
        Assert.Equal(TotpCheck.Reused(Step), TotpCodes.Verify(Secret, Code, At, lastAcceptedStep: Step + 1));
    }

    [Fact]
    public void A_code_after_the_last_used_step_is_accepted()
    {
        Assert.Equal(TotpCheck.Accepted(Step), TotpCodes.Verify(Secret, Code, At, lastAcceptedStep: Step - 1));
    }

    [Theory]
    [InlineData("081 804")]
    [InlineData(" 081804 ")]
    public void Spaces_as_apps_show_them_are_ignored(string typed)
    {
        Assert.Equal(TotpOutcome.Accepted, TotpCodes.Verify(Secret, typed, At, lastAcceptedStep: null).Outcome);
    }

    [Theory]
    [InlineData("")]
    [InlineData("81804")]
    [InlineData("0081804")]
    [InlineData("08180x")]
    [InlineData("081805")]
    [InlineData("０８１８０４")]
    public void Anything_but_the_six_right_ascii_digits_is_wrong(string typed)
    {
        Assert.Equal(TotpCheck.Wrong, TotpCodes.Verify(Secret, typed, At, lastAcceptedStep: null));
    }

    [Fact]
    public void The_link_for_the_app_names_the_panel_and_the_user()
    {
        Assert.Equal(
            "otpauth://totp/WebOps:tester?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=WebOps&algorithm=SHA1&digits=6&period=30",
            TotpCodes.Uri("tester", Secret));
    }

    [Fact]
    public void The_secret_round_trips_through_base32_without_padding()
    {
        var secret = TotpCodes.NewSecret();

        Assert.Equal(20, secret.Length);
        Assert.DoesNotContain('=', TotpCodes.ToBase32(secret));
        Assert.Equal(secret, TotpCodes.FromBase32(TotpCodes.ToBase32(secret)));
    }
}
