var host = new Microsoft.Extensions.Hosting.HostBuilder().Build();
host.Run();
