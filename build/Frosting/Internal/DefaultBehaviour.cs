using Cake.Frosting.Hosting;

namespace Cake.Frosting.Internal;

/// <summary>The real host's behaviour: every <see cref="IHostBehaviour"/> default.</summary>
internal sealed class DefaultBehaviour : IHostBehaviour
{
    public static IHostBehaviour Instance { get; } = new DefaultBehaviour();
}
