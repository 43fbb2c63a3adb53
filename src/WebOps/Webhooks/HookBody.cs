using Microsoft.AspNetCore.Http.Features;

namespace WebOps.Webhooks;

/// <summary>Reads a delivery's raw body (signatures are over its exact bytes), refusing more than <see cref="Limit"/>.</summary>
public static class HookBody
{
    /// <summary>1 MiB: GitHub caps its payloads at 25 MB, but a push's is a few KiB; anything near this is not a push.</summary>
    public const int Limit = 1 << 20;

    /// <summary>The body, or null when it is larger than the limit: a declared length is refused before reading anything.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > Limit)
        {
            return null;
        }

        // The server then stops a chunked body at the limit too, instead of taking in the whole of it.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = Limit;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > Limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.ToArray();
    }
}
