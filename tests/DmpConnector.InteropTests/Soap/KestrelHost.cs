using System;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Logging;

namespace DmpConnector.InteropTests.Soap
{
    /// <summary>A real Kestrel server on 127.0.0.1 (random port) running one request handler; HTTPS with client certificates on request.</summary>
    internal sealed class KestrelHost : IAsyncDisposable
    {
        private readonly WebApplication app;

        private KestrelHost(WebApplication app, Uri address)
        {
            this.app = app;
            Address = address;
        }

        public Uri Address { get; }

        public static async Task<KestrelHost> StartAsync(RequestDelegate handler, X509Certificate2? serverCertificate = null, bool requireClientCertificate = false, System.Security.Authentication.SslProtocols? protocols = null)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k =>
            {
                k.Limits.MaxRequestBodySize = null;
                k.Listen(IPAddress.Loopback, 0, listen =>
                {
                    if (serverCertificate is not null)
                    {
                        listen.UseHttps(https =>
                        {
                            https.ServerCertificate = serverCertificate;
                            https.ClientCertificateMode = requireClientCertificate ? ClientCertificateMode.RequireCertificate : ClientCertificateMode.NoCertificate;
                            https.AllowAnyClientCertificate();
                            if (protocols is { } only)
                            {
                                https.SslProtocols = only;
                            }
                        });
                    }
                });
            });
            WebApplication app = builder.Build();
            app.Run(handler);
            await app.StartAsync();
            var addresses = app.Urls;
            string first = System.Linq.Enumerable.First(addresses);
            return new KestrelHost(app, new Uri(first.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/services/repository"));
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
