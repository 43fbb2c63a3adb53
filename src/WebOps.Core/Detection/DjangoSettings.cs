namespace WebOps.Core.Detection;

/// <summary>What the Django settings say about serving: the WSGI module, whether collectstatic applies and whether
/// there is a database to migrate.</summary>
internal sealed record DjangoSettings(string? WsgiModule, bool CollectStatic, string? SettingsModule, bool HasDatabase);
