namespace WebOps.Core.Runtime;

/// <summary>One line of an app's own output. Stream is <c>stdout</c> or <c>stderr</c>.</summary>
public sealed record RuntimeLogLine(DateTimeOffset? Time, string Stream, string Text);
