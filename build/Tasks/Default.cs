using Cake.Frosting;

namespace Tfwheel.Tasks;

[TaskName("Default")]
[TaskDescription("The same as Wheel: build, verify and smoke-test the recipe's wheel")]
[IsDependentOn(typeof(Wheel))]
public sealed class Default : FrostingTask<BuildContext>
{
}
