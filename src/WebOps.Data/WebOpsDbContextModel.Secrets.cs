using Microsoft.EntityFrameworkCore.Metadata;
using WebOps.Data.Configuration;
using WebOps.Data.Secrets;

namespace WebOps.Data.CompiledModel;

/// <summary>
/// Beside the generated model (not in CompiledModel/, which the generator rewrites): a model whose secret columns
/// convert with this protector instead of the placeholders the design-time context generated them with.
/// </summary>
public partial class WebOpsDbContextModel
{
    // SetValueConverter and FinalizeModel are what the generated code itself calls to build its instance; EF Core has
    // no public call for setting up a second one, so a new EF Core version may need this file adjusted.
#pragma warning disable EF1001
    internal static IModel Build(ISecretProtector protector)
    {
        var model = new WebOpsDbContextModel();
        model.Initialize();
        foreach (var property in ((IModel)model).GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()).Cast<RuntimeProperty>())
        {
            if (property.FindAnnotation(SecretColumns.Annotation)?.Value is string kind)
            {
                property.SetValueConverter(SecretColumns.Converter(kind, protector));
            }
        }

        model.Customize();
        return model.FinalizeModel();
    }
#pragma warning restore EF1001
}
