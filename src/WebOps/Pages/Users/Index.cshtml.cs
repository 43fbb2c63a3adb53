using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebOps.Auth;
using WebOps.Core.Accounts;
using WebOps.Pages.Shared;

namespace WebOps.Pages.Users;

/// <summary>
/// Users, for admins: list, create with a role (the generated password is shown on the answer to the create, once,
/// and kept nowhere else), change a role, delete. <see cref="AccountService"/> refuses to remove the last admin.
/// </summary>
public sealed class IndexModel(AccountService accounts) : PageModel
{
    public IReadOnlyList<User> Users { get; private set; } = [];

    /// <summary>The new user and their generated password, right after a create.</summary>
    public (string Username, string Password)? Created { get; private set; }

    public string? Error { get; private set; }

    [BindProperty]
    public string NewUsername { get; set; } = "";

    [BindProperty]
    public string NewRole { get; set; } = "viewer";

    public static IReadOnlyList<Role> RoleChoices { get; } = [Role.Viewer, Role.Deployer, Role.Admin];

    public async Task OnGetAsync(CancellationToken ct) => Users = await accounts.ListUsersAsync(ct);

    /// <summary>Answers with the page itself rather than a redirect: the password must not travel through a cookie.</summary>
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!Roles.TryParseRole(NewRole, out var role))
        {
            return await ShowAsync($"role: '{NewRole}' is not a role; choose one of {Roles.RoleNames}.", ct);
        }

        var password = TokenHasher.NewPassword();
        try
        {
            await accounts.CreateUserAsync(NewUsername.Trim(), password, role, ct);
        }
        catch (ArgumentException e)
        {
            return await ShowAsync(e.Message, ct);
        }

        Created = (NewUsername.Trim(), password);
        NewUsername = "";
        return await ShowAsync(null, ct);
    }

    public Task<IActionResult> OnPostRoleAsync(string username, string role, CancellationToken ct) =>
        ChangeAsync(async () =>
        {
            if (!Roles.TryParseRole(role, out var parsed))
            {
                throw new ArgumentException($"role: '{role}' is not a role; choose one of {Roles.RoleNames}.");
            }

            await accounts.ChangeRoleAsync(username, parsed, ct);
            return $"'{username}' is now {Roles.Name(parsed)}.";
        });

    public Task<IActionResult> OnPostDeleteAsync(string username, CancellationToken ct) =>
        ChangeAsync(async () =>
        {
            await accounts.DeleteUserAsync(username, ct);
            return $"Deleted user '{username}'.";
        });

    /// <summary>Post, redirect, get: the result (or the refusal) is the flash message on the list.</summary>
    private async Task<IActionResult> ChangeAsync(Func<Task<string>> change)
    {
        try
        {
            TempData.Success(await change());
        }
        catch (Exception e) when (e is ArgumentException or AccountRefusedException)
        {
            TempData.Error(e.Message);
        }

        return RedirectToPage();
    }

    private async Task<IActionResult> ShowAsync(string? error, CancellationToken ct)
    {
        Error = error;
        Users = await accounts.ListUsersAsync(ct);
        return Page();
    }
}
