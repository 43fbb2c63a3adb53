using WebOps.Core.Validation;

namespace WebOps.Deploys;

/// <summary>Input was refused; nothing was saved. Errors are path-prefixed per field.</summary>
public sealed class ValidationFailedException : Exception
{
    public ValidationFailedException(IReadOnlyList<FieldError> errors)
        : base(string.Join("; ", errors))
    {
        Errors = errors;
    }

    public ValidationFailedException() => Errors = [];

    public ValidationFailedException(string message) : base(message) => Errors = [];

    public ValidationFailedException(string message, Exception innerException) : base(message, innerException) => Errors = [];

    public IReadOnlyList<FieldError> Errors { get; }
}
