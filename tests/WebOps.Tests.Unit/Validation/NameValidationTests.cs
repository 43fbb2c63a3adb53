using WebOps.Core.Validation;

namespace WebOps.Tests.Unit.Validation;

public class NameValidationTests
{
    [Theory]
    [InlineData("", "is empty")]
    [InlineData("MyApp", "must be lowercase; use 'myapp' instead")]
    [InlineData("my_app", "contains '_'")]
    [InlineData("my app", "contains a space")]
    [InlineData("-blog", "must start and end with a letter or digit")]
    [InlineData("blog-", "must start and end with a letter or digit")]
    [InlineData("blog\n", "contains control character U+000A")]
    [InlineData("blog\0", "contains control character U+0000")]
    [InlineData("café", "contains 'é'")]
    [InlineData("../etc", "contains '.'")]
    [InlineData("blog;reboot", "contains ';'")]
    [InlineData("My_App", "contains '_'")]
    [InlineData("new", "is reserved by the panel's own pages")]
    public void Bad_name_is_rejected_with_the_reason(string name, string fragment)
    {
        var errors = Inputs.Create(i => i.Name = name);

        Inputs.AssertOnly(errors, "name", fragment);
    }

    [Fact]
    public void Name_longer_than_a_dns_label_states_the_limit()
    {
        var errors = Inputs.Create(i => i.Name = new string('a', 64));

        Assert.Equal("name: is 64 characters long; the limit is 63; shorten it", Assert.Single(errors).ToString());
    }

    [Theory]
    [InlineData("a")]
    [InlineData("blog")]
    [InlineData("my-app-2")]
    [InlineData("0day")]
    public void Dns_label_names_pass(string name)
    {
        Assert.Empty(Inputs.Create(i => i.Name = name));
    }

    [Fact]
    public void Name_of_63_characters_passes()
    {
        Assert.Empty(Inputs.Create(i => i.Name = new string('a', 63)));
    }
}
