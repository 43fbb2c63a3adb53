namespace WebOps.Tests.Unit.Validation;

public sealed class DomainValidationTests
{
    [Theory]
    [InlineData("blog.example.com")]
    [InlineData("a.b")]
    [InlineData("xn--bcher-kva.example")]
    [InlineData("my-app.test")]
    [InlineData("  blog.example.com  ")]
    [InlineData("1password.example.com")]
    public void Lowercase_host_names_are_accepted(string domain) =>
        Assert.Empty(Inputs.Create(i => i.Domains = ["other.example.org", domain]));

    [Theory]
    [InlineData("", "is empty; give a host name")]
    [InlineData("https://blog.example.com/", "is a URL; give only the host name, e.g. 'blog.example.com'")]
    [InlineData("blog.example.com/admin", "has a path; give only the host name, e.g. 'blog.example.com'")]
    [InlineData("*.example.com", "is a wildcard, which is not supported")]
    [InlineData("192.0.2.10", "is an IP address")]
    [InlineData("::1", "is an IP address")]
    [InlineData("[2001:db8::1]", "is an IP address")]
    [InlineData("blog.example.com:8443", "has a port")]
    [InlineData("Blog.Example.com", "write it in lowercase: 'blog.example.com'")]
    [InlineData("blog.example.com.", "ends with a dot; leave it out: 'blog.example.com'")]
    [InlineData("localhost", "is a single label")]
    [InlineData("blog..example.com", "has an empty label")]
    [InlineData(".example.com", "has an empty label")]
    [InlineData("blog_app.example.com", "has '_', which a host name cannot hold")]
    [InlineData("blög.example.com", "has 'ö', which a host name cannot hold")]
    [InlineData("-blog.example.com", "label '-blog' of '-blog.example.com' starts or ends with a hyphen")]
    [InlineData("blog-.example.com", "starts or ends with a hyphen")]
    public void Each_refusal_names_the_row_and_the_fix(string domain, string fragment)
    {
        var errors = Inputs.Create(i => i.Domains = ["ok.example.com", domain]);

        Inputs.AssertOnly(errors, "domains[1]", fragment);
    }

    [Fact]
    public void A_label_longer_than_63_characters_is_refused()
    {
        var label = new string('a', 64);

        Inputs.AssertOnly(Inputs.Create(i => i.Domains = [$"{label}.example.com"]), "domains[0]", $"label '{label}' is 64 characters long; a label has at most 63");
        Assert.Empty(Inputs.Create(i => i.Domains = [$"{label[1..]}.example.com"]));
    }

    [Fact]
    public void A_name_longer_than_253_characters_is_refused()
    {
        var label = new string('a', 63);
        var longest = $"{label}.{label}.{label}.{new string('b', 61)}";
        Assert.Equal(253, longest.Length);

        Assert.Empty(Inputs.Create(i => i.Domains = [longest]));
        Inputs.AssertOnly(Inputs.Create(i => i.Domains = ["c" + longest]), "domains[0]", "is 254 characters long; a domain has at most 253");
    }

    [Fact]
    public void A_name_listed_twice_is_refused_naming_the_first_row() =>
        Inputs.AssertOnly(
            Inputs.Create(i => i.Domains = ["blog.example.com", "www.example.com", "blog.example.com"]),
            "domains[2]",
            "'blog.example.com' is listed twice (also domains[0]); keep one");

    [Fact]
    public void More_than_50_domains_are_refused()
    {
        var errors = Inputs.Create(i => i.Domains = [.. Enumerable.Range(0, 51).Select(n => $"app{n}.example.com")]);

        Inputs.AssertOnly(errors, "domains", "the limit is 50");
    }

    [Theory]
    [InlineData("on", "use one of: auto, off")]
    [InlineData("Off", "must be lowercase; use 'off' instead")]
    public void Tls_is_auto_or_off(string tls, string fragment)
    {
        Inputs.AssertOnly(Inputs.Create(i => i.Tls = tls), "tls", fragment);
        Assert.Empty(Inputs.Create(i => i.Tls = "off"));
    }
}
