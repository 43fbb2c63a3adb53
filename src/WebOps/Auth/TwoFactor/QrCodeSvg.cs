using System.Drawing;
using QRCoder;

namespace WebOps.Auth.TwoFactor;

/// <summary>
/// A QR code as SVG markup for the page itself. QRCoder writes only a rectangle and a path with <c>fill</c>
/// attributes (presentation attributes, not inline style), so the markup lives under the panel's
/// Content-Security-Policy as it is; the size comes from the viewBox and the stylesheet.
/// </summary>
public static class QrCodeSvg
{
    public static string Render(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(new Size(1, 1), "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
