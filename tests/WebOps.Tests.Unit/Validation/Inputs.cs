using WebOps.Core.Validation;

namespace WebOps.Tests.Unit.Validation;

/// <summary>Starting points for validation tests and the assertion they share.</summary>
internal static class Inputs
{
    public static readonly ValidationOptions Defaults = new();

    public static DeploymentInput Minimal() => new() { Name = "blog", RepoUrl = "https://github.com/owner/blog.git" };

    public static IReadOnlyList<FieldError> Create(Action<DeploymentInput> change, ValidationOptions? options = null)
    {
        var input = Minimal();
        change(input);
        return DeploymentValidator.ValidateCreate(input, options ?? Defaults);
    }

    /// <summary>Asserts exactly one error, on <paramref name="field"/>, whose message names the problem.</summary>
    public static FieldError AssertOnly(IReadOnlyList<FieldError> errors, string field, string fragment)
    {
        var error = Assert.Single(errors);
        Assert.Equal(field, error.Field);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        return error;
    }
}
