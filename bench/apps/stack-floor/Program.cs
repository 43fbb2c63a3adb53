using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using StackFloor;

// FLOOR_EF=0 keeps the rows in a list instead of EF Core; FLOOR_PAGES=0 leaves Razor Pages out. Each piece is loaded
// only when used, so the sides of bench/stack-floor say what each costs.
var useEf = Environment.GetEnvironmentVariable("FLOOR_EF") != "0";
var usePages = Environment.GetEnvironmentVariable("FLOOR_PAGES") != "0";
var data = Environment.GetEnvironmentVariable("FLOOR_DATA") ?? "data";
Directory.CreateDirectory(data);

var builder = WebApplication.CreateSlimBuilder(args);
if (useEf)
{
    EfStore.AddTo(builder.Services, Path.Combine(data, "floor.db"));
}
else
{
    builder.Services.AddSingleton<IStore, ListStore>();
}

builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(data, "keys")));
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
builder.Services.AddAuthorization();
builder.Services.AddHostedService<Sweep>();
if (usePages)
{
    builder.Services.AddRazorPages();
}

var app = builder.Build();
if (useEf)
{
    EfStore.Create(app.Services);
}

app.UseAuthentication();
app.UseAuthorization();
app.MapGet("/api/apps", (IStore store) => store.ListAsync());
app.MapPost("/api/apps", async (IStore store, AppRow row) =>
{
    await store.AddAsync(row);
    return Results.Ok(row);
});
if (usePages)
{
    app.MapRazorPages();
}

await app.RunAsync();
