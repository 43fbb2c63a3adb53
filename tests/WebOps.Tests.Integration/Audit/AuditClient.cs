using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using WebOps.Auth;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Audit;

/// <summary>Reads the audit log the way a user does (GET /api/audit), and the raw table the way an attacker with the file would.</summary>
internal static class AuditClient
{
    /// <summary>One entry as the API shows it, with the fields the tests compare.</summary>
    public sealed record Entry(long Id, string Actor, string ActorKind, string Action, string? Target, string? Details, string? Address);

    public static async Task<(List<Entry> Entries, long? NextBefore)> PageAsync(HttpClient client, string query = "")
    {
        using var response = await client.GetAsync("/api/audit" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET /api/audit{query}: {(int)response.StatusCode} {body}");
        var root = JsonDocument.Parse(body).RootElement;
        var entries = root.GetProperty("entries").EnumerateArray().Select(e => new Entry(
            e.GetProperty("id").GetInt64(),
            e.GetProperty("actor").GetString()!,
            e.GetProperty("actor_kind").GetString()!,
            e.GetProperty("action").GetString()!,
            e.GetProperty("target").GetString(),
            e.GetProperty("details").GetString(),
            e.GetProperty("address").GetString())).ToList();
        var next = root.GetProperty("next_before");
        return (entries, next.ValueKind == JsonValueKind.Null ? null : next.GetInt64());
    }

    public static async Task<List<Entry>> EntriesAsync(HttpClient client, string query = "") => (await PageAsync(client, query)).Entries;

    /// <summary>A client that sends a new API token named <paramref name="name"/>, so entries can be checked against that name.</summary>
    public static async Task<HttpClient> WithTokenNamedAsync(PanelApp panel, string name)
    {
        await using var scope = panel.Services.CreateAsyncScope();
        var token = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateTokenAsync(name, CancellationToken.None);
        var client = panel.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>Every column of every audit row, as stored in the database file.</summary>
    public static async Task<string> RawTableAsync(string dataFolder)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataFolder, "webops.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM audit_log";
        await using var reader = await command.ExecuteReaderAsync();
        var text = new System.Text.StringBuilder();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                text.Append(reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    /// <summary>A browser (cookies kept, no redirects followed) that comes "through the edge" for <paramref name="client"/>.</summary>
    public static HttpClient BrowserFrom(PanelApp panel, string client)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = panel.BaseAddress };
        http.DefaultRequestHeaders.Add("X-Forwarded-For", client);
        return http;
    }

    public static Dictionary<string, string> Credentials(string username, string password) =>
        new() { ["Username"] = username, ["Password"] = password };

    /// <summary>Polls <paramref name="condition"/> until it holds; fails after <paramref name="seconds"/>.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Still not true after {seconds} s: {what}");
            await Task.Delay(200);
        }
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
