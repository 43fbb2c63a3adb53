namespace WebOps.Tests.Integration.Docker;

/// <summary>Local base images (built by scripts/install-test-deps.sh; no registry is reachable in CI).</summary>
public static class TestImages
{
    public static string Busybox => Get("WEBOPS_TEST_IMAGE_BUSYBOX", "webops-test/busybox:1");

    public static string Nginx => Get("WEBOPS_TEST_IMAGE_NGINX", "webops-test/nginx:1");

    public static string Python => Get("WEBOPS_TEST_IMAGE_PYTHON", "webops-test/python-django:1");

    private static string Get(string variable, string fallback) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : fallback;
}
