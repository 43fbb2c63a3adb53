namespace WebOps.Cli.Client;

/// <summary>A panel URL and the API token <c>webops login</c> checked against it.</summary>
public sealed record SavedLogin(string Url, string Token);
