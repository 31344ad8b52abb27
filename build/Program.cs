using Cake.Frosting;

return new CakeHost()
    .Run(args);
