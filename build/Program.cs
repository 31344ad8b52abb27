using Cake.Frosting;
using Tfwheel;

return new CakeHost()
    .UseContext<BuildContext>()
    .UseLifetime<BuildLifetime>()
    .UseTaskLifetime<TaskLifetime>()
    .Run(args);
