namespace WebOps.Auth.TwoFactor;

/// <summary>A secret being set up, in the three forms an authenticator app takes: QR code, link and typed text.</summary>
public sealed record TwoFactorEnrolment(string SecretBase32, string Uri, string QrSvg);
