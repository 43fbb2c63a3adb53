namespace WebOps.Core.Validation;

/// <summary>One validation error. Field is the snake_case path, e.g. <c>docker_volumes[1]</c>.</summary>
public sealed record FieldError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
