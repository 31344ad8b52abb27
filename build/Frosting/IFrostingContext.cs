using Cake.Core;

namespace Cake.Frosting;

/// <summary>The build context a Frosting host hands to every task (Cake.Frosting's <c>IFrostingContext</c>).</summary>
public interface IFrostingContext : ICakeContext
{
}
