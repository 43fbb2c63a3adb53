using System.Text.RegularExpressions;
using WebOps.Auth.TwoFactor;

namespace WebOps.Tests.Unit.Auth.TwoFactor;

public sealed partial class RecoveryCodesTests
{
    [Fact]
    public void Ten_different_codes_of_four_groups_without_misreadable_letters()
    {
        var codes = RecoveryCodes.Generate();

        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches(Shape(), c));
    }

    [Fact]
    public void A_code_is_stored_as_the_sha256_of_its_normal_form()
    {
        Assert.Equal("f9b8a5eb964f3fbdeef87a6b061c8a0536ee22d14012e41c92985adb4696d643", RecoveryCodes.Hash("7k2m-q9xd-4hwa-0c3e"));
    }

    [Theory]
    [InlineData("7K2M-Q9XD-4HWA-0C3E")]
    [InlineData("7k2m q9xd 4hwa 0c3e")]
    [InlineData(" 7k2mq9xd4hwa0c3e ")]
    [InlineData("7k2m-q9xd-4hwa-Oc3e")]
    public void Case_dashes_spaces_and_a_letter_o_for_zero_do_not_matter(string typed)
    {
        Assert.Equal(RecoveryCodes.Hash("7k2m-q9xd-4hwa-0c3e"), RecoveryCodes.Hash(typed));
    }

    [Fact]
    public void The_letters_i_and_l_read_as_one()
    {
        Assert.Equal("1111222233334444", RecoveryCodes.Normalize("iLl1-2222-3333-4444"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("7k2m-q9xd-4hwa-0c3")]
    [InlineData("7k2m-q9xd-4hwa-0c3e0")]
    [InlineData("7k2m-q9xd-4hwa-0c3u")]
    [InlineData("7k2m_q9xd_4hwa_0c3e")]
    public void Text_that_cannot_be_a_code_has_no_hash(string typed)
    {
        Assert.Null(RecoveryCodes.Hash(typed));
    }

    [GeneratedRegex("^[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){3}$")]
    private static partial Regex Shape();
}
