using Cake.Core;

namespace Cake.Frosting;

/// <summary>
/// Base class for a build's context, as in Cake.Frosting: derive from it, take <see cref="ICakeContext"/>
/// in the constructor, and every Cake alias (<c>context.Argument</c>, <c>context.Log</c>, ...) works on it.
/// </summary>
public class FrostingContext(ICakeContext context) : CakeContextAdapter(context), IFrostingContext
{
}
