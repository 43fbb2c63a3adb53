namespace WebOps.Core.Runtime;

/// <summary>A container started by the Docker addon: the image it runs (per-deploy tag) and its id.</summary>
public sealed record RunningContainer(string Image, string ContainerId) : RunningApp
{
    public override string Describe() => $"container {ContainerId[..Math.Min(12, ContainerId.Length)]} running {Image}";
}
