using Docker.DotNet;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VersionResponse = Docker.DotNet.Models.VersionResponse;

namespace WebOps.Addons.Docker.Engine;

/// <summary>
/// A thin adapter over the Docker Engine API: one async method per Docker verb, each logging one line.
/// The client is created on first use, pinned to the newest API version both sides speak.
/// </summary>
public sealed partial class DockerEngine : IDisposable
{
    /// <summary>The newest Engine API version WebOps asks for; an older engine is asked for its own version.</summary>
    public static readonly System.Version NewestApiVersion = new(1, 51);

    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    private readonly ILogger<DockerEngine> logger;
    private readonly SemaphoreSlim connectLock = new(1, 1);
    private DockerClient? client;
    private EngineVersion? version;

    public DockerEngine(IOptions<DockerOptions> options, ILogger<DockerEngine> logger)
    {
        Endpoint = options.Value.Endpoint;
        this.logger = logger;
    }

    public string Endpoint { get; }

    /// <summary>Checks the engine answers; throws <see cref="DockerUnavailableException"/> when it does not.</summary>
    public async Task<EngineVersion> PingAsync(CancellationToken cancellationToken)
    {
        EngineLog.Ping(logger, Endpoint);
        var connected = await ClientAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        await Call(() => connected.System.PingAsync(timeout.Token));
        return version!;
    }

    public async Task<EngineVersion> GetVersionAsync(CancellationToken cancellationToken)
    {
        await ClientAsync(cancellationToken);
        return version!;
    }

    public void Dispose()
    {
        client?.Dispose();
        connectLock.Dispose();
    }

    private async Task<DockerClient> ClientAsync(CancellationToken cancellationToken)
    {
        if (client is not null)
        {
            return client;
        }

        await connectLock.WaitAsync(cancellationToken);
        try
        {
            if (client is null)
            {
                var (pinned, negotiated) = await ConnectAsync(cancellationToken);
                version = negotiated;
                client = pinned;
                EngineLog.Connected(logger, Endpoint, negotiated.ServerVersion, negotiated.NegotiatedApiVersion.ToString(2));
            }

            return client;
        }
        finally
        {
            connectLock.Release();
        }
    }

    private async Task<(DockerClient Client, EngineVersion Version)> ConnectAsync(CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri))
        {
            throw new DockerUnavailableException(
                $"Docker is not available: '{Endpoint}' is not an engine address; set Docker:Endpoint to e.g. {DockerOptions.DefaultEndpoint}.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        VersionResponse answer;
        try
        {
            // Unversioned paths are accepted by every engine; /version tells which version to pin.
            using var probe = new DockerClientBuilder().WithEndpoint(uri).Build();
            answer = await probe.System.GetVersionAsync(timeout.Token);
        }
        catch (Exception e) when (EngineErrors.IsTransportFailure(e))
        {
            throw EngineErrors.Unreachable(e, Endpoint);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DockerUnavailableException(
                $"Docker is not available: the Docker engine at {Endpoint} did not answer within {ConnectTimeout.TotalSeconds} s. Check the daemon (docker info).",
                e);
        }

        var negotiated = Negotiate(answer.APIVersion);
        var pinned = new DockerClientBuilder().WithEndpoint(uri).WithApiVersion(negotiated).Build();
        var serverVersion = (answer.Version ?? "unknown").Split('+')[0];
        return (pinned, new EngineVersion(Endpoint, serverVersion, answer.APIVersion ?? "?", negotiated));
    }

    /// <summary>min(engine's API version, ours): asking for more gets "client version X is too new".</summary>
    internal static System.Version Negotiate(string? serverApiVersion) =>
        System.Version.TryParse(serverApiVersion, out var server) && server < NewestApiVersion ? server : NewestApiVersion;

    private async Task Call(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (Exception e) when (EngineErrors.IsTransportFailure(e))
        {
            throw EngineErrors.Unreachable(e, Endpoint);
        }
    }

    private async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (EngineErrors.IsTransportFailure(e))
        {
            throw EngineErrors.Unreachable(e, Endpoint);
        }
    }
}
