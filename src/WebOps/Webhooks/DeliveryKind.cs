namespace WebOps.Webhooks;

public enum DeliveryKind
{
    /// <summary>Commits pushed to a branch.</summary>
    Push,

    /// <summary>A tag pushed; never deploys.</summary>
    Tag,

    /// <summary>The provider checking the hook (GitHub sends one when the hook is created).</summary>
    Ping,

    /// <summary>Any other event (issues, pull requests, a ref that is neither branch nor tag).</summary>
    Other,
}
