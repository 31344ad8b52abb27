using Microsoft.Extensions.DependencyInjection;

namespace Cake.Frosting;

/// <summary>A class that configures the host's services in one place: <c>new CakeHost().UseStartup&lt;T&gt;()</c>.</summary>
public interface IFrostingStartup
{
    void Configure(IServiceCollection services);
}
