using System;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace DmpConnector.Soap
{
    /// <summary>Settings of one <see cref="SoapHttpTransport"/>. Immutable; nothing here is process-wide.</summary>
    public sealed class SoapTransportOptions
    {
        /// <summary>
        /// The TLS client certificate (the DMP requires one): the card's authentication certificate or the establishment's
        /// AUTH_CLI certificate. It must have a private key (possibly a card key reached through an OpenSSL engine).
        /// </summary>
        public X509Certificate2? ClientCertificate { get; init; }

        /// <summary>The HTTP proxy, or null for the system proxy (when <see cref="UseProxy"/>).</summary>
        public IWebProxy? Proxy { get; init; }

        /// <summary>Whether to use a proxy at all; true by default.</summary>
        public bool UseProxy { get; init; } = true;

        /// <summary>The default time limit of one call, all attempts and the whole upload and download included; 100 s by default.</summary>
        public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(100);

        /// <summary>How many times an idempotent call is retried after a transient failure; 2 by default, 0 to never retry.</summary>
        public int MaxRetries { get; init; } = 2;

        /// <summary>The first retry waits about this long, then it doubles (with random jitter of up to half); 500 ms by default.</summary>
        public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

        /// <summary>The longest wait between retries; 10 s by default.</summary>
        public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(10);

        /// <summary>
        /// Decides whether to trust the server's certificate, replacing the system's validation (e.g. to pin the DMP test
        /// platform's certificate authority). Null (default): the system validation, which must pass.
        /// </summary>
        public Func<X509Certificate2?, X509Chain?, SslPolicyErrors, bool>? ServerCertificateValidator { get; init; }

        /// <summary>Limits and buffering of MTOM responses.</summary>
        public MtomReaderOptions MtomReaderOptions { get; init; } = MtomReaderOptions.Default;

        /// <summary>
        /// A folder where every request and response is written, for support. Off (null) by default.
        /// WARNING: the files hold patient data (INS, names, documents) in clear; enable it only on a test platform or
        /// with the patient's data-protection rules applied to that folder, and delete the files after use.
        /// </summary>
        public string? CaptureDirectory { get; init; }

        /// <summary>The logger of the transport, or null for none.</summary>
        public ILogger? Logger { get; init; }
    }
}
