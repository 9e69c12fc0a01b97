using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Authentication;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DmpConnector.Diagnostics;
using DmpConnector.Internal;
using Microsoft.Extensions.Logging;

namespace DmpConnector.Soap
{
    /// <summary>
    /// Sends SOAP 1.2 requests (plain or MTOM) over HTTPS and reads the answers (plain or MTOM) into
    /// <see cref="SoapResponse"/>, or a typed exception: <see cref="SoapFaultException"/> for a SOAP fault,
    /// <see cref="SoapTransportException"/> for everything else. Thread-safe; one HTTP handler per instance (its own
    /// TLS settings and client certificate, nothing process-wide). Dispose it when done.
    /// </summary>
    public partial class SoapHttpTransport : IDisposable
    {
        private const int MaxErrorBodyBytes = 1024 * 1024;
        private const int ShownErrorBodyChars = 4096;
        private readonly HttpClient client;
        private readonly SoapTransportOptions options;
        private readonly ILogger? logger;
        private readonly Random jitter = new();
        private readonly object jitterLock = new();
        private int captureSequence;

        /// <summary>Creates the transport and its own HTTP handler.</summary>
        /// <param name="options">The settings.</param>
        /// <exception cref="DmpInputException">Rule <c>SOAP-CLIENT-CERT</c>: the client certificate has no private key; <c>SOAP-OPTIONS</c>: a bad timeout or retry count.</exception>
        public SoapHttpTransport(SoapTransportOptions options)
            : this(options, CreateHandler(options ?? throw new ArgumentNullException(nameof(options))))
        {
        }

        /// <summary>Creates the transport over a given handler (tests, or an application that owns its handler).</summary>
        internal SoapHttpTransport(SoapTransportOptions options, HttpMessageHandler handler)
        {
            this.options = options ?? throw new ArgumentNullException(nameof(options));
            if (options.Timeout <= TimeSpan.Zero || options.MaxRetries < 0 || options.RetryBaseDelay < TimeSpan.Zero)
            {
                throw new DmpInputException("SoapTransportOptions", "SOAP-OPTIONS", "the timeout must be positive and the retry count and delay not negative", null, false);
            }

            client = new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            logger = options.Logger;
            if (options.CaptureDirectory is not null && logger is not null)
            {
                LogCaptureEnabled(logger, options.CaptureDirectory);
            }
        }

        /// <summary>
        /// Sends the request and reads the answer. Idempotent requests (<see cref="SoapRequest.IsIdempotent"/>) are retried
        /// on transient failures; others never are.
        /// </summary>
        /// <param name="endpoint">The service URL, e.g. <c>https://…/si-dmp-server/v2/services/registry</c>.</param>
        /// <param name="request">The call.</param>
        /// <param name="cancellationToken">Cancels the call at once, upload and download included.</param>
        /// <returns>The answer; dispose it.</returns>
        /// <exception cref="SoapFaultException">The service answered with a SOAP fault (plain or inside MTOM).</exception>
        /// <exception cref="SoapTransportException">No SOAP answer: connection, TLS, timeout, or an HTTP error without a SOAP body.</exception>
        /// <exception cref="MtomFormatException">The MTOM answer is malformed or breaks a limit.</exception>
        /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
        public virtual async Task<SoapResponse> SendAsync(Uri endpoint, SoapRequest request, CancellationToken cancellationToken = default)
        {
            if (endpoint is null)
            {
                throw new ArgumentNullException(nameof(endpoint));
            }

            if (request is null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            SoapRequestHeaders headers = request.Headers.To is null
                ? new SoapRequestHeaders(request.Headers.Action)
                {
                    MessageId = request.Headers.MessageId,
                    To = endpoint.AbsoluteUri,
                    Security = request.Headers.Security,
                    UnprefixedMustUnderstand = request.Headers.UnprefixedMustUnderstand,
                }
                : request.Headers;
            byte[] envelope = SoapEnvelopeWriter.ToBytes(headers, request.WriteBody);
            long[] startPositions = request.Attachments.Select(a => a.Content.CanSeek ? a.Content.Position : -1).ToArray();
            bool rewindable = startPositions.All(p => p >= 0);

            TimeSpan limit = request.Timeout ?? options.Timeout;
            var clock = Stopwatch.StartNew();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(limit);
            TimeSpan retryDelay = TimeSpan.Zero;
            for (int attempt = 0; ; attempt++)
            {
                if (attempt > 0)
                {
                    for (int i = 0; i < startPositions.Length; i++)
                    {
                        request.Attachments[i].Content.Position = startPositions[i];
                    }
                }

                try
                {
                    return await SendOnceAsync(endpoint, request, headers, envelope, limit - clock.Elapsed, cancellationToken, timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
                {
                    var failure = new SoapTransportException(
                        string.Format(CultureInfo.InvariantCulture, "The call {0} did not complete within {1:0.###} s.", headers.Action, (request.Timeout ?? options.Timeout).TotalSeconds),
                        null,
                        true,
                        null,
                        ex);
                    LogFailed(headers.Action, "timeout");
                    throw failure;
                }
                catch (SoapTransportException ex) when (request.IsIdempotent && ex.IsTransient && !ex.IsTimeout && rewindable && attempt < options.MaxRetries)
                {
                    retryDelay = NextDelay(attempt);
                    if (logger is not null)
                    {
                        LogRetrying(logger, headers.Action, attempt + 1, options.MaxRetries, (long)retryDelay.TotalMilliseconds, ex.StatusCode?.ToString() ?? "no response");
                    }
                }
                catch (SoapTransportException ex)
                {
                    LogFailed(headers.Action, ex.StatusCode?.ToString() ?? (ex.IsTimeout ? "timeout" : "no response"));
                    throw;
                }

                try
                {
                    await Task.Delay(retryDelay, timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new SoapTransportException("The call " + headers.Action + " timed out while waiting to retry.", null, true, null, ex);
                }
            }
        }

        /// <summary>Disposes the HTTP client and its handler.</summary>
        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        /// <summary>Disposes the HTTP client and its handler.</summary>
        /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
        protected virtual void Dispose(bool disposing)
        {
            if (disposing)
            {
                client.Dispose();
            }
        }

        internal TimeSpan NextDelay(int attempt)
        {
            double baseMs = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt);
            double capped = Math.Min(baseMs, options.RetryMaxDelay.TotalMilliseconds);
            double factor;
            lock (jitterLock)
            {
                factor = 0.5 + (jitter.NextDouble() * 0.5);
            }

            return TimeSpan.FromMilliseconds(capped * factor);
        }

        #if NET
        private static SocketsHttpHandler CreateHandler(SoapTransportOptions options)
#else
        private static HttpClientHandler CreateHandler(SoapTransportOptions options)
#endif
        {
            if (options.ClientCertificate is { HasPrivateKey: false })
            {
                throw new DmpInputException("ClientCertificate", "SOAP-CLIENT-CERT", "the TLS client certificate must come with its private key (a PFX, the card through its middleware or an OpenSSL engine)", options.ClientCertificate.Subject, false);
            }

#if NET
            var handler = new SocketsHttpHandler
            {
                UseProxy = options.UseProxy,
                Proxy = options.Proxy,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AutomaticDecompression = DecompressionMethods.None,
            };
            handler.SslOptions.EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
            if (options.ClientCertificate is { } certificate)
            {
                handler.SslOptions.ClientCertificates = new System.Security.Cryptography.X509Certificates.X509CertificateCollection { certificate };
                handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => certificate;
            }

            if (options.ServerCertificateValidator is { } validator)
            {
                handler.SslOptions.RemoteCertificateValidationCallback = (_, cert, chain, errors) =>
                    validator(cert as System.Security.Cryptography.X509Certificates.X509Certificate2 ?? (cert is null ? null : new System.Security.Cryptography.X509Certificates.X509Certificate2(cert)), chain, errors);
            }

            return handler;
#else
            var handler = new HttpClientHandler
            {
                UseProxy = options.UseProxy,
                Proxy = options.Proxy,
                SslProtocols = SslProtocols.Tls12,
                ClientCertificateOptions = ClientCertificateOption.Manual,
                AutomaticDecompression = DecompressionMethods.None,
            };
            if (options.ClientCertificate is { } certificate)
            {
                handler.ClientCertificates.Add(certificate);
            }

            if (options.ServerCertificateValidator is { } validator)
            {
                handler.ServerCertificateCustomValidationCallback = (_, cert, chain, errors) => validator(cert, chain, errors);
            }

            return handler;
#endif
        }

        private async Task<SoapResponse> SendOnceAsync(Uri endpoint, SoapRequest request, SoapRequestHeaders headers, byte[] envelope, TimeSpan remaining, CancellationToken callerToken, CancellationToken token)
        {
            var watch = Stopwatch.StartNew();
            if (logger is not null && logger.IsEnabled(LogLevel.Debug))
            {
                string path = endpoint.GetLeftPart(UriPartial.Path);
                LogStarted(logger, headers.Action, path);
            }

            string? capturePrefix = NextCapturePrefix();
            Stream? requestCapture = capturePrefix is null ? null : OpenCapture(capturePrefix + "-request.http");
            HttpResponseMessage? response = null;
            bool handedOver = false;
            try
            {
                MtomWriter? mtom = request.SendsMtom ? new MtomWriter(headers.Action) : null;
                using var content = new SoapHttpContent(envelope, headers.Action, mtom, request.Attachments, requestCapture, token);
                if (requestCapture is not null)
                {
                    WriteCaptureHead(requestCapture, "POST " + endpoint.AbsoluteUri + " HTTP/1.1", content.ContentTypeText);
                }

                using var message = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content };
                try
                {
                    response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
                }
                catch (HttpRequestException ex)
                {
                    bool tls = ex.InnerException is AuthenticationException || ex.InnerException?.InnerException is AuthenticationException;
                    throw tls
                        ? new SoapTlsException("The TLS connection to " + endpoint.Host + " failed: " + (ex.InnerException?.Message ?? ex.Message), ex)
                        : new SoapTransportException("No HTTP answer from " + endpoint.Host + ": " + ex.Message, null, false, null, ex);
                }
                catch (IOException ex)
                {
                    throw new SoapTransportException("The connection to " + endpoint.Host + " broke: " + ex.Message, null, false, null, ex);
                }
                finally
                {
                    requestCapture?.Dispose();
                }

                SoapResponse result = await ReadResponseAsync(response, headers.Action, capturePrefix, remaining, callerToken, token).ConfigureAwait(false);
                handedOver = true;
                if (logger is not null)
                {
                    LogCompleted(logger, headers.Action, (int)result.StatusCode, watch.ElapsedMilliseconds, result.Mtom is not null);
                }

                return result;
            }
            catch (SoapFaultException fault)
            {
                if (logger is not null && logger.IsEnabled(LogLevel.Warning))
                {
                    LogFault(logger, headers.Action, fault.Code.Name, string.Join(" ", fault.Subcodes.Select(s => s.Name)), DmpSensitiveData.IsIncluded ? fault.RawMessage ?? string.Empty : "(raw fault redacted; opt in with " + DmpSensitiveData.SwitchName + ")");
                }

                throw;
            }
            finally
            {
                if (!handedOver)
                {
                    response?.Dispose();
                }
            }
        }

        private async Task<SoapResponse> ReadResponseAsync(HttpResponseMessage response, string action, string? capturePrefix, TimeSpan remaining, CancellationToken callerToken, CancellationToken token)
        {
            string? contentType = response.Content.Headers.TryGetValues("Content-Type", out IEnumerable<string>? values) ? string.Join(", ", values) : null;
            string mediaType = contentType is null ? string.Empty : MimeHeaderValue.Parse(contentType).MediaType;
#if NET
            Stream body = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
#else
            Stream body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            if (capturePrefix is not null)
            {
                Stream capture = OpenCapture(capturePrefix + "-response.http");
                WriteCaptureHead(capture, "HTTP/1.1 " + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture) + " " + response.ReasonPhrase, contentType);
                body = new TeeReadStream(body, capture);
            }

            bool success = response.IsSuccessStatusCode;
            if (mediaType == "multipart/related")
            {
                MtomMessage mtom;
                try
                {
                    mtom = await MtomMessage.ReadAsync(body, contentType, options.MtomReaderOptions, token).ConfigureAwait(false);
                }
                finally
                {
                    body.Dispose();
                }

                try
                {
                    SoapEnvelope envelope = mtom.ReadEnvelope();
                    return new SoapResponse(response.StatusCode, contentType, envelope, mtom, response);
                }
                catch
                {
                    mtom.Dispose();
                    throw;
                }
            }

            bool xml = mediaType is "application/soap+xml" or "text/xml" or "application/xml";
            if (success && xml)
            {
                // The body streams to the caller after this method returns: the call's time limit and the caller's token
                // still apply, by closing the response when either fires (reading it then throws).
                var guard = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
                guard.CancelAfter(remaining > TimeSpan.Zero ? remaining : TimeSpan.FromMilliseconds(1));
                guard.Token.Register(static state => ((HttpResponseMessage)state!).Dispose(), response);
                try
                {
                    SoapEnvelope envelope = SoapEnvelope.Read(body, true);
                    return new SoapResponse(response.StatusCode, contentType, envelope, null, response, guard);
                }
                catch
                {
                    guard.Dispose();
                    throw;
                }
            }

            // An error status, or an answer that is not SOAP: buffer a bounded amount, try it as a fault, else report it.
            var buffered = new MemoryStream();
            using (body)
            {
                var chunk = new byte[16 * 1024];
                int n;
                while (buffered.Length < MaxErrorBodyBytes && (n = await body.ReadChunkAsync(chunk, 0, chunk.Length, token).ConfigureAwait(false)) > 0)
                {
                    buffered.Write(chunk, 0, n);
                }
            }

            if (xml || LooksLikeXml(buffered))
            {
                buffered.Position = 0;
                try
                {
                    SoapEnvelope envelope = SoapEnvelope.Read(buffered, false);
                    if (success)
                    {
                        return new SoapResponse(response.StatusCode, contentType, envelope, null, response);
                    }

                    envelope.Dispose();
                }
                catch (SoapFormatException)
                {
                    // Not SOAP: reported below as an HTTP failure.
                }
            }

            string text = Encoding.UTF8.GetString(buffered.GetBuffer(), 0, (int)Math.Min(buffered.Length, ShownErrorBodyChars));
            string what = success ? "an answer that is not SOAP (" + (contentType ?? "no Content-Type") + ")" : "HTTP " + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture) + " " + response.ReasonPhrase + " without a SOAP fault";
            throw new SoapTransportException("The service answered " + action + " with " + what + ".", response.StatusCode, false, text);
        }

        private static bool LooksLikeXml(MemoryStream buffered)
        {
            byte[] b = buffered.GetBuffer();
            for (int i = 0; i < buffered.Length && i < 64; i++)
            {
                if (b[i] is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t' or 0xEF or 0xBB or 0xBF)
                {
                    continue;
                }

                return b[i] == '<';
            }

            return false;
        }

        private string? NextCapturePrefix()
        {
            if (options.CaptureDirectory is null)
            {
                return null;
            }

            Directory.CreateDirectory(options.CaptureDirectory);
            int n = Interlocked.Increment(ref captureSequence);
            return Path.Combine(options.CaptureDirectory, DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture) + "-" + n.ToString("D4", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        }

        private static FileStream OpenCapture(string path)
        {
#if NET
            var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.Read, BufferSize = 81920 };
            if (!OperatingSystem.IsWindows())
            {
                fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            return new FileStream(path, fileOptions);
#else
            return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 81920);
#endif
        }

        private static void WriteCaptureHead(Stream capture, string firstLine, string? contentType)
        {
            byte[] head = Encoding.ASCII.GetBytes(firstLine + "\r\nContent-Type: " + (contentType ?? string.Empty) + "\r\n\r\n");
            capture.Write(head, 0, head.Length);
        }

        private void LogFailed(string action, string reason)
        {
            if (logger is not null)
            {
                LogTransportFailed(logger, action, reason);
            }
        }

        [LoggerMessage(EventId = DmpLogEvents.SoapCallStarted, EventName = nameof(DmpLogEvents.SoapCallStarted), Level = LogLevel.Debug, Message = "SOAP call {Action} to {Endpoint}")]
        private static partial void LogStarted(ILogger logger, string action, string endpoint);

        [LoggerMessage(EventId = DmpLogEvents.SoapCallCompleted, EventName = nameof(DmpLogEvents.SoapCallCompleted), Level = LogLevel.Debug, Message = "SOAP call {Action} answered HTTP {Status} in {ElapsedMs} ms (MTOM: {IsMtom})")]
        private static partial void LogCompleted(ILogger logger, string action, int status, long elapsedMs, bool isMtom);

        [LoggerMessage(EventId = DmpLogEvents.SoapCallRetrying, EventName = nameof(DmpLogEvents.SoapCallRetrying), Level = LogLevel.Warning, Message = "SOAP call {Action} failed transiently ({Reason}); retry {Attempt} of {MaxRetries} in {DelayMs} ms")]
        private static partial void LogRetrying(ILogger logger, string action, int attempt, int maxRetries, long delayMs, string reason);

        [LoggerMessage(EventId = DmpLogEvents.SoapFaultReceived, EventName = nameof(DmpLogEvents.SoapFaultReceived), Level = LogLevel.Warning, Message = "SOAP call {Action} answered a fault {Code} {Subcodes}: {RawFault}")]
        private static partial void LogFault(ILogger logger, string action, string code, string subcodes, string rawFault);

        [LoggerMessage(EventId = DmpLogEvents.SoapMessageCaptureEnabled, EventName = nameof(DmpLogEvents.SoapMessageCaptureEnabled), Level = LogLevel.Warning, Message = "SOAP message capture is ON: every request and response, patient data included, is written to {Folder}. Use it on a test platform only and delete the files after use.")]
        private static partial void LogCaptureEnabled(ILogger logger, string folder);

        [LoggerMessage(EventId = DmpLogEvents.SoapTransportFailed, EventName = nameof(DmpLogEvents.SoapTransportFailed), Level = LogLevel.Error, Message = "SOAP call {Action} failed without a SOAP answer: {Reason}")]
        private static partial void LogTransportFailed(ILogger logger, string action, string reason);
    }
}
