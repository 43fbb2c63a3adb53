using WebOps.Auth;

namespace WebOps.Tests.Unit.Auth;

/// <summary>The API token check: by hash, exact, in constant time (timing itself is not asserted).</summary>
public sealed class TokenHasherTests
{
    [Fact]
    public void A_token_matches_the_hash_stored_for_it()
    {
        var token = TokenHasher.NewToken();

        Assert.True(TokenHasher.Matches(token, TokenHasher.Hash(token)));
    }

    [Fact]
    public void A_token_one_character_off_does_not_match()
    {
        var token = TokenHasher.NewToken();
        var stored = TokenHasher.Hash(token);
        var lastChanged = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');

        Assert.False(TokenHasher.Matches(lastChanged, stored));
    }

    [Fact]
    public void Only_the_exact_stored_text_matches_not_the_same_hash_in_capitals_or_cut_short()
    {
        var token = TokenHasher.NewToken();
        var stored = TokenHasher.Hash(token);

        Assert.False(TokenHasher.Matches(token, stored.ToUpperInvariant()));
        Assert.False(TokenHasher.Matches(token, stored[..32]));
        Assert.False(TokenHasher.Matches(token, ""));
    }

    [Fact]
    public void The_stored_hash_is_lowercase_sha256_hex_of_the_token()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", TokenHasher.Hash("abc"));
    }
}
