using Microsoft.AspNetCore.Authorization;

namespace WebOps.Auth;

/// <summary>"What <see cref="RoutePermissions"/> says this route needs": the requirement of the fallback policy.</summary>
public sealed class PermissionRequirement : IAuthorizationRequirement;
