using Cake.Frosting;
using Tfwheel;
using Tfwheel.Cli;

return new CakeHost()
    .UseStartup<TfwheelStartup>()
    .UseContext<BuildContext>()
    .UseLifetime<BuildLifetime>()
    .UseTaskLifetime<TaskLifetime>()
    .Run(args);
