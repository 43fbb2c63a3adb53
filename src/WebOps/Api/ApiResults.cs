using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using WebOps.Core.Validation;
using WebOps.Deploys;

namespace WebOps.Api;

/// <summary>Turns the services' exceptions into ProblemDetails answers, and reads JSON bodies with field-named errors.</summary>
public static class ApiResults
{
    public static IResult NotFound(string name) =>
        TypedResults.Problem($"No deployment named '{name}'. List them with GET /api/deployments.", statusCode: 404, title: "Not found");

    public static IResult Validation(IReadOnlyList<FieldError> errors, string title = "The deployment was not saved: fix the fields listed in errors.") =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            detail: string.Join("; ", errors),
            title: title);

    public static async Task<IResult> GuardAsync(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (ValidationFailedException e)
        {
            return Validation(e.Errors);
        }
        catch (ActionRefusedException e)
        {
            return TypedResults.Problem(e.Message, statusCode: 409, title: "Not possible now");
        }
    }

    /// <summary>Reads the body; malformed JSON, wrong types and unknown fields come back as field errors.</summary>
    public static async Task<(T? Value, IResult? Error)> ReadJsonAsync<T>(HttpRequest request, JsonSerializerOptions options)
        where T : class
    {
        if (request.ContentLength is > 1_000_000)
        {
            return (null, Validation([new FieldError("body", "is larger than 1 MB")]));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, options, request.HttpContext.RequestAborted);
            return value is null
                ? (null, Validation([new FieldError("body", "send a JSON object")]))
                : (value, null);
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            var why = e.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? "is not a known field; check the spelling (fields are snake_case)"
                : "has the wrong type or is not valid JSON";
            return (null, Validation([new FieldError(field, why)]));
        }
    }

    public static Ok<T> Ok<T>(T value) => TypedResults.Ok(value);
}
