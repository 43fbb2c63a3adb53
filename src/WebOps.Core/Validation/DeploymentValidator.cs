namespace WebOps.Core.Validation;

/// <summary>
/// Validates deployment input from the web form and the REST API alike. Every problem is
/// reported, each with its snake_case field path, so a user can fix them all in one round.
/// </summary>
public static class DeploymentValidator
{
    /// <summary>Checks a new deployment: name and repo_url are required, every given field is checked.</summary>
    public static IReadOnlyList<FieldError> ValidateCreate(DeploymentInput input, ValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);

        var errors = new List<FieldError>();
        if (input.Name is null)
        {
            errors.Add(new FieldError("name", "is required; give a name of lowercase letters, digits or hyphens, e.g. 'blog'"));
        }
        else
        {
            Add(errors, "name", NameRule.Check(input.Name));
        }

        if (input.RepoUrl is null)
        {
            errors.Add(new FieldError("repo_url", "is required; give the git URL to deploy from, e.g. https://github.com/owner/app.git"));
        }

        CheckGivenFields(input, options, errors);
        return errors;
    }

    /// <summary>
    /// Checks a partial update: only fields that are given (non-null). The name cannot change;
    /// giving the current name again (<paramref name="currentName"/>) is accepted.
    /// </summary>
    public static IReadOnlyList<FieldError> ValidatePatch(DeploymentInput input, ValidationOptions options, string? currentName = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);

        var errors = new List<FieldError>();
        if (input.Name is not null && !string.Equals(input.Name, currentName, StringComparison.Ordinal))
        {
            var current = currentName is null ? "" : $" from '{currentName}'";
            errors.Add(new FieldError("name", $"cannot be changed{current}; leave it out, or create a new deployment instead"));
        }

        CheckGivenFields(input, options, errors);
        return errors;
    }

    /// <summary>Every field except name, in the order the form shows them; absent fields are skipped.</summary>
    private static void CheckGivenFields(DeploymentInput input, ValidationOptions options, List<FieldError> errors)
    {
        Check(errors, "repo_url", input.RepoUrl, v => RepoUrlRule.Check(v, options.AllowLocalRepos));
        Check(errors, "branch", input.Branch, BranchRule.Check);
        Check(errors, "project_type", input.ProjectType, v => ChoiceRule.Check(v, ChoiceRule.ProjectTypes));
        if (input.Port is { } port and (< 1 or > 65535))
        {
            errors.Add(new FieldError("port", $"is {port}, which is not a port number; use 1 to 65535"));
        }

        CheckVariables(errors, "env_vars", input.EnvVars);
        Check(errors, "dockerfile_path", input.DockerfilePath, RepoPathRule.Check);
        Check(errors, "docker_compose_path", input.DockerComposePath, RepoPathRule.Check);
        Check(errors, "compose_service", input.ComposeService, Compose.ComposeServiceNameRule.Check);
        Check(errors, "docker_image_name", input.DockerImageName, ImageNameRule.Check);
        CheckVariables(errors, "docker_build_args", input.DockerBuildArgs);
        CheckVariables(errors, "docker_env_vars", input.DockerEnvVars);
        if (input.DockerVolumes is not null)
        {
            VolumeListRule.Check(input.DockerVolumes, options.DeniedHostPaths, errors);
        }

        if (input.DockerPorts is not null)
        {
            PortListRule.Check(input.DockerPorts, errors);
        }

        Check(errors, "docker_network_mode", input.DockerNetworkMode, v => ChoiceRule.Check(v, ChoiceRule.NetworkModes));
        if (input.Domains is not null)
        {
            DomainListRule.Check(input.Domains, errors);
        }

        Check(errors, "tls", input.Tls, v => ChoiceRule.Check(v, ChoiceRule.TlsModes));
        Resources.ResourceRules.Check(input, options.CpuCount, errors);
        Check(errors, "target", input.Target, v => ChoiceRule.Check(v, ChoiceRule.Targets));
        if (input.Replicas is { } replicas and (< 1 or > MaxReplicas))
        {
            errors.Add(new FieldError("replicas", $"is {replicas}; use 1 to {MaxReplicas} tasks"));
        }

        if (input.Placement is not null)
        {
            PlacementRule.Check(input.Placement, errors);
        }
    }

    /// <summary>The most tasks one swarm deployment may ask for.</summary>
    public const int MaxReplicas = 100;

    private static void Check(List<FieldError> errors, string field, string? value, Func<string, string?> rule)
    {
        if (value is not null)
        {
            Add(errors, field, rule(value));
        }
    }

    private static void CheckVariables(List<FieldError> errors, string field, Dictionary<string, string>? variables)
    {
        if (variables is not null)
        {
            VariablesRule.Check(field, variables, errors);
        }
    }

    private static void Add(List<FieldError> errors, string field, string? message)
    {
        if (message is not null)
        {
            errors.Add(new FieldError(field, message));
        }
    }
}
