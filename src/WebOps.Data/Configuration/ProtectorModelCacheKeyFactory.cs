using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace WebOps.Data.Configuration;

/// <summary>One cached model per secret protector: the encrypted-column converters hold it.</summary>
internal sealed class ProtectorModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is WebOpsDbContext db
            ? (context.GetType(), db.Protector, designTime)
            : (object)(context.GetType(), designTime);
}
