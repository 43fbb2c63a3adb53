using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Metadata;
using WebOps.Data.CompiledModel;
using WebOps.Data.Secrets;

namespace WebOps.Data;

/// <summary>
/// The panel's model comes from generated code (CompiledModel/, README "Compiled model") instead of being built from
/// the configuration classes at each start, which was most of the database's first use before the server listens.
/// One model per protector, as with the built model: the secret columns' converters hold it.
/// </summary>
public static class CompiledModels
{
    private static readonly ConditionalWeakTable<ISecretProtector, IModel> Models = [];

    public static IModel For(ISecretProtector protector) => Models.GetValue(protector, WebOpsDbContextModel.Build);
}
