using System.Net.Http.Json;
using System.Text.Json;

namespace WebOps.Tests.Integration.Infrastructure;

/// <summary>Waits on a real condition: the deployment's latest deploy run has ended.</summary>
public static class DeployWait
{
    /// <summary>Polls the runs API until the newest run after <paramref name="afterRun"/> ended; returns the deployment.</summary>
    public static async Task<JsonElement> ForRunEndAsync(HttpClient api, string name, int afterRun = 0, int minutes = 10)
    {
        var deadline = DateTime.UtcNow.AddMinutes(minutes);
        while (DateTime.UtcNow < deadline)
        {
            var runs = await api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/runs");
            if (runs.GetArrayLength() > 0 && runs[0].GetProperty("id").GetInt32() > afterRun
                && runs[0].GetProperty("result").GetString() is "succeeded" or "failed")
            {
                return await api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}");
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The deploy of '{name}' did not end within {minutes} minutes.");
    }
}
