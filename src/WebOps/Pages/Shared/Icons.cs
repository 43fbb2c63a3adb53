using Microsoft.AspNetCore.Html;

namespace WebOps.Pages.Shared;

/// <summary>Small inline SVG icons (stroke drawings on a 24×24 grid), so the pages load nothing from elsewhere.</summary>
public static class Icons
{
    private static readonly Dictionary<string, string> Paths = new(StringComparer.Ordinal)
    {
        ["logo"] = """<path d="M12 3 2 8l10 5 10-5-10-5z"/><path d="m2 16 10 5 10-5"/><path d="m2 12 10 5 10-5"/>""",
        ["dashboard"] = """<rect x="3" y="3" width="7" height="9" rx="1"/><rect x="14" y="3" width="7" height="5" rx="1"/><rect x="14" y="12" width="7" height="9" rx="1"/><rect x="3" y="16" width="7" height="5" rx="1"/>""",
        ["plus"] = """<path d="M12 5v14M5 12h14"/>""",
        ["addons"] = """<path d="M9 3v5M15 3v5"/><path d="M6 8h12v3a6 6 0 0 1-12 0z"/><path d="M12 17v4"/>""",
        ["logout"] = """<path d="M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4"/><path d="m16 17 5-5-5-5"/><path d="M21 12H9"/>""",
        ["play"] = """<path d="M7 4v16l13-8z"/>""",
        ["stop"] = """<rect x="6" y="6" width="12" height="12" rx="1"/>""",
        ["restart"] = """<path d="M20.5 13a8.5 8.5 0 1 1-2.9-7.4"/><path d="M20 3v5h-5"/>""",
        ["deploy"] = """<path d="M12 16V4"/><path d="m6 10 6-6 6 6"/><path d="M4 20h16"/>""",
        ["trash"] = """<path d="M3 6h18"/><path d="M8 6V4h8v2"/><path d="M6 6l1 14h10l1-14"/><path d="M10 11v5M14 11v5"/>""",
        ["edit"] = """<path d="M4 20h4L19 9l-4-4L4 16z"/><path d="m13 7 4 4"/>""",
        ["external"] = """<path d="M14 4h6v6"/><path d="M20 4 10 14"/><path d="M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5"/>""",
        ["container"] = """<path d="M21 8 12 3 3 8v8l9 5 9-5z"/><path d="m3 8 9 5 9-5"/><path d="M12 13v8"/>""",
        ["info"] = """<circle cx="12" cy="12" r="9"/><path d="M12 11v6"/><path d="M12 7.5v.5"/>""",
        ["alert"] = """<path d="M12 3 2 20h20z"/><path d="M12 10v4"/><path d="M12 17v.5"/>""",
        ["check"] = """<path d="m5 12 5 5 9-10"/>""",
        ["eye"] = """<path d="M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12z"/><circle cx="12" cy="12" r="3"/>""",
        ["x"] = """<path d="M6 6l12 12M18 6 6 18"/>""",
        ["branch"] = """<circle cx="6" cy="5" r="2"/><circle cx="6" cy="19" r="2"/><circle cx="18" cy="7" r="2"/><path d="M6 7v10"/><path d="M18 9c0 5-12 3-12 8"/>""",
        ["users"] = """<circle cx="9" cy="8" r="3.5"/><path d="M2.5 20a6.5 6.5 0 0 1 13 0"/><path d="M16 4.5a3.5 3.5 0 0 1 0 7"/><path d="M18 14.5a6.5 6.5 0 0 1 3.5 5.5"/>""",
        ["terminal"] = """<rect x="3" y="4" width="18" height="16" rx="2"/><path d="m7 9 3 3-3 3"/><path d="M13 15h4"/>""",
    };

    /// <summary>The icon as markup; an unknown name is a programming error and throws.</summary>
    public static IHtmlContent Get(string name, string? cssClass = null) =>
        new HtmlString(
            $"""<svg class="icon{(cssClass is null ? "" : " " + cssClass)}" viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">{Paths[name]}</svg>""");
}
