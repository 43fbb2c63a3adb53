namespace WebOps.Core.Addons;

/// <summary>
/// Checks one name an addon manifest may list under <c>requires</c>, e.g. <c>docker</c> (provided by the Docker
/// addon, reporting the engine version). Register implementations in DI.
/// </summary>
public interface IRequirementCheck
{
    string Name { get; }

    Task<VerifyCheck> CheckAsync(CancellationToken ct);
}
