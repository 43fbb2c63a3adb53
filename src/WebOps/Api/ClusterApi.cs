using WebOps.Addons.Docker.Engine;
using WebOps.Addons.Docker.Swarm.Cluster;
using WebOps.Core.Validation;

namespace WebOps.Api;

/// <summary>
/// The Swarm cluster under <c>/api/cluster</c>: state, init, nodes, node changes, join commands and token rotation.
/// With Swarm off every route answers 409 saying how to turn it on.
/// </summary>
public static class ClusterApi
{
    public static IEndpointRouteBuilder MapClusterApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cluster").WithTags("Cluster");
        api.MapGet("/", (ClusterActions cluster, CancellationToken ct) => GuardAsync(async () =>
            TypedResults.Ok(ClusterStateDto.From(cluster.Cluster.Endpoint, await cluster.GetStateAsync(ct)))));
        api.MapPost("/init", (HttpRequest request, ClusterActions cluster, CancellationToken ct) => GuardAsync(async () =>
        {
            string? advertise = null;
            if (request.ContentLength is > 0)
            {
                var (body, error) = await ApiResults.ReadJsonAsync<ClusterInitRequest>(request, JsonDefaults.Create());
                if (error is not null)
                {
                    return error;
                }

                advertise = body!.AdvertiseAddress;
            }

            return TypedResults.Ok(ClusterStateDto.From(cluster.Cluster.Endpoint, await cluster.InitAsync(advertise, ct)));
        }));
        api.MapGet("/nodes", (ClusterActions cluster, CancellationToken ct) => GuardAsync(async () =>
            TypedResults.Ok((await cluster.ListNodesAsync(ct)).Select(ClusterNodeDto.From))));
        api.MapPatch("/nodes/{id}", (string id, HttpRequest request, ClusterActions cluster, CancellationToken ct) => GuardAsync(async () =>
        {
            var (patch, error) = await ApiResults.ReadJsonAsync<ClusterNodePatch>(request, JsonDefaults.Create());
            if (error is not null)
            {
                return error;
            }

            if (Check(patch!) is { Count: > 0 } errors)
            {
                return Invalid(errors);
            }

            var labels = patch!.Labels?.ToDictionary(l => l.Key, l => l.Value ?? "", StringComparer.Ordinal);
            return TypedResults.Ok(ClusterNodeDto.From(await cluster.UpdateNodeAsync(id, new NodeChange(patch.Availability, labels), ct)));
        }));
        api.MapGet("/join-command", (string? role, ClusterActions cluster, CancellationToken ct) => GuardAsync(async () =>
        {
            var parsed = JoinCommand.ParseRole(role);
            return TypedResults.Ok(new ClusterJoinCommandDto(parsed.ToString().ToLowerInvariant(), await cluster.JoinCommandAsync(parsed, ct)));
        }));
        api.MapPost("/join-tokens/rotate", (ClusterActions cluster, CancellationToken ct) => GuardAsync(async () =>
        {
            await cluster.RotateTokensAsync(ct);
            return TypedResults.Ok(new ClusterJoinCommandDto("worker", await cluster.JoinCommandAsync(JoinRole.Worker, ct)));
        }));
        return app;
    }

    /// <summary>Field errors of a node change; an empty change is one too.</summary>
    public static IReadOnlyList<FieldError> Check(ClusterNodePatch patch)
    {
        var errors = new List<FieldError>();
        if (patch.Availability is null && patch.Labels is null)
        {
            errors.Add(new FieldError("body", "give availability (active, pause or drain) and/or labels"));
        }

        if (patch.Availability is { } a && NodeAvailability.Check(a) is { } why)
        {
            errors.Add(new FieldError("availability", why));
        }

        if (patch.Labels is { } labels)
        {
            errors.AddRange(NodeLabels.Validate(labels));
        }

        return errors;
    }

    private static IResult Invalid(IReadOnlyList<FieldError> errors) =>
        ApiResults.Validation(errors, "The node was not changed: fix the fields listed in errors.");

    private static async Task<IResult> GuardAsync(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (ClusterRefusedException e)
        {
            return TypedResults.Problem(e.Message, statusCode: 409, title: "Not possible now");
        }
        catch (ClusterNodeNotFoundException e)
        {
            return TypedResults.Problem(e.Message, statusCode: 404, title: "Not found");
        }
        catch (ArgumentException e)
        {
            var field = e.Message.Split(':')[0];
            return Invalid([new FieldError(field, e.Message[(field.Length + 1)..].Split(" (Parameter")[0].Trim())]);
        }
        catch (DockerUnavailableException e)
        {
            return TypedResults.Problem(e.Message, statusCode: 503, title: "Docker is not available");
        }
    }
}
