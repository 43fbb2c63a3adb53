namespace WebOps.Core.Detection;

/// <summary>What the Django settings say about serving: the WSGI module and whether collectstatic applies.</summary>
internal sealed record DjangoSettings(string? WsgiModule, bool CollectStatic, string? SettingsModule);
