namespace WebOps.Core.Runtime;

/// <summary>
/// What a delete takes besides the app itself: the images built for it, and (Compose projects only, the one kind that
/// makes them) its named volumes, which hold data such as a database's, so both stay unless asked.
/// </summary>
public sealed record RemoveOptions(bool Images = false, bool Volumes = false)
{
    /// <summary>The audit log's note, null when only the app went.</summary>
    public string? Describe() => (Images, Volumes) switch
    {
        (true, true) => "images and volumes removed",
        (true, false) => "images removed",
        (false, true) => "volumes removed",
        _ => null,
    };
}
