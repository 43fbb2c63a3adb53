using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using WebOps.Data.Secrets;

namespace WebOps.Tests.Unit.Data;

public sealed class DataProtectionSecretProtectorTests
{
    private readonly CountingProvider keys = new(new EphemeralDataProtectionProvider());

    [Fact]
    public void A_text_read_again_or_written_by_this_process_is_not_decrypted_again()
    {
        var writer = new DataProtectionSecretProtector(keys);
        var written = writer.Protect("""{"API_KEY":"s3cret"}""");

        // Another process (a fresh protector on the same keys) decrypts it once, then keeps it.
        var reader = new DataProtectionSecretProtector(keys);
        Assert.Equal("""{"API_KEY":"s3cret"}""", reader.Unprotect(written));
        Assert.Equal("""{"API_KEY":"s3cret"}""", reader.Unprotect(written));
        Assert.Equal(1, keys.Unprotects);

        Assert.Equal("""{"API_KEY":"s3cret"}""", writer.Unprotect(written));
        Assert.Equal(1, keys.Unprotects);
    }

    [Fact]
    public void A_changed_value_is_read_as_the_new_one()
    {
        var protector = new DataProtectionSecretProtector(keys);
        var first = protector.Protect("one");
        var second = protector.Protect("two");

        Assert.NotEqual(first, second);
        Assert.Equal("one", new DataProtectionSecretProtector(keys).Unprotect(first));
        Assert.Equal("two", new DataProtectionSecretProtector(keys).Unprotect(second));
        Assert.Equal("two", protector.Unprotect(second));
    }

    [Fact]
    public void A_tampered_text_is_refused_every_time()
    {
        var protector = new DataProtectionSecretProtector(keys);
        var text = protector.Protect("value");
        var tampered = text[..^4] + (text[^4] == 'A' ? 'B' : 'A') + text[^3..];

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(tampered));
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(tampered));
        Assert.Equal(2, keys.Unprotects);
    }

    [Fact]
    public void Past_its_capacity_it_drops_what_it_kept_and_still_reads_every_text_right()
    {
        var writer = new DataProtectionSecretProtector(keys);
        var texts = Enumerable.Range(0, DataProtectionSecretProtector.Capacity + 10).Select(i => (Plain: $"v{i}", Text: writer.Protect($"v{i}"))).ToList();
        var reader = new DataProtectionSecretProtector(keys);

        Assert.All(texts, t => Assert.Equal(t.Plain, reader.Unprotect(t.Text)));
        var decrypted = keys.Unprotects;
        Assert.Equal("v0", reader.Unprotect(texts[0].Text));
        Assert.Equal(decrypted + 1, keys.Unprotects);
        Assert.All(texts, t => Assert.Equal(t.Plain, reader.Unprotect(t.Text)));
        Assert.All(texts, t => Assert.Equal(t.Plain, writer.Unprotect(t.Text)));
    }

    /// <summary>Real Data Protection keys, counting the decryptions they were asked for.</summary>
    private sealed class CountingProvider(IDataProtectionProvider inner) : IDataProtectionProvider
    {
        private int unprotects;

        public int Unprotects => unprotects;

        public IDataProtector CreateProtector(string purpose) => new Counting(inner.CreateProtector(purpose), this);

        private sealed class Counting(IDataProtector inner, CountingProvider owner) : IDataProtector
        {
            public IDataProtector CreateProtector(string purpose) => new Counting(inner.CreateProtector(purpose), owner);

            public byte[] Protect(byte[] plaintext) => inner.Protect(plaintext);

            public byte[] Unprotect(byte[] protectedData)
            {
                Interlocked.Increment(ref owner.unprotects);
                return inner.Unprotect(protectedData);
            }
        }
    }
}
