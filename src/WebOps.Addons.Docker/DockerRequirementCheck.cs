using WebOps.Addons.Docker.Engine;
using WebOps.Core.Addons;

namespace WebOps.Addons.Docker;

/// <summary>The <c>docker</c> requirement of addon manifests: the engine answers, and which version it is.</summary>
public sealed class DockerRequirementCheck(DockerEngine engine) : IRequirementCheck
{
    public string Name => "docker";

    public async Task<VerifyCheck> CheckAsync(CancellationToken ct)
    {
        try
        {
            return new VerifyCheck(true, (await engine.PingAsync(ct)).ToString());
        }
        catch (DockerUnavailableException e)
        {
            return new VerifyCheck(false, e.Message);
        }
    }
}
