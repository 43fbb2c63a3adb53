using Microsoft.AspNetCore.Mvc.RazorPages;

namespace StackFloor.Pages;

public sealed class IndexModel(IStore store) : PageModel
{
    public IReadOnlyList<AppRow> Apps { get; private set; } = [];

    public async Task OnGetAsync() => Apps = await store.ListAsync();
}
