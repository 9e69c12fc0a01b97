using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using DmpConnector.Soap;
using DmpConnector.Tests.Support;
using Microsoft.AspNetCore.Http;
using NUnit.Framework;

namespace DmpConnector.InteropTests.Soap
{
    public class SoapHttpTransportTests
    {
        private static readonly Action<XmlWriter> Query = w =>
        {
            w.WriteStartElement("q", "AdhocQueryRequest", "urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0");
            w.WriteEndElement();
        };

        private static SoapRequest Request(bool idempotent = false, params MtomAttachment[] attachments) =>
            new(new SoapRequestHeaders("urn:ihe:iti:2007:RegistryStoredQuery"), Query) { IsIdempotent = idempotent, Attachments = attachments };

        private static async Task Respond(HttpContext context, int status, string contentType, byte[] body)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            await context.Response.Body.WriteAsync(body);
        }

        private static async Task<byte[]> ReadBody(HttpContext context)
        {
            using var ms = new MemoryStream();
            await context.Request.Body.CopyToAsync(ms);
            return ms.ToArray();
        }

        [Test]
        public async Task A_plain_SOAP_call_sends_soap_xml_with_the_action_and_reads_the_answer()
        {
            string? seenContentType = null;
            string? seenAction = null, seenTo = null;
            await using var host = await KestrelHost.StartAsync(async context =>
            {
                seenContentType = context.Request.ContentType;
                using (var envelope = SoapEnvelope.Read(new MemoryStream(await ReadBody(context)), true))
                {
                    seenAction = envelope.Action;
                    seenTo = envelope.To;
                }

                await Respond(context, 200, "application/soap+xml; charset=utf-8", SampleData.Utf8(SampleData.Soap12Response()));
            });
            using var transport = new SoapHttpTransport(new SoapTransportOptions());

            using SoapResponse response = await transport.SendAsync(host.Address, Request());

            Assert.That(seenContentType, Is.EqualTo("application/soap+xml; charset=utf-8; action=\"urn:ihe:iti:2007:RegistryStoredQuery\""));
            Assert.That(seenAction, Is.EqualTo("urn:ihe:iti:2007:RegistryStoredQuery"));
            Assert.That(seenTo, Is.EqualTo(host.Address.AbsoluteUri), "wsa:To filled with the endpoint");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Mtom, Is.Null);
            Assert.That(response.Envelope.RelatesTo, Does.StartWith("urn:uuid:"));
            Assert.That(response.Envelope.Body.LocalName, Is.EqualTo("Answer"));
        }

        [Test]
        public async Task An_MTOM_call_streams_the_attachment_and_reads_an_MTOM_answer()
        {
            byte[] doc = SampleData.Bytes(2_000_000);
            byte[] answerDoc = SampleData.Bytes(500_000, seed: 9);
            byte[]? received = null;
            await using var host = await KestrelHost.StartAsync(async context =>
            {
                using (MtomMessage request = await MtomMessage.ReadAsync(context.Request.Body, context.Request.ContentType, null))
                {
                    using Stream part = request.FindPart("doc1@example")!.OpenRead();
                    using var ms = new MemoryStream();
                    await part.CopyToAsync(ms);
                    received = ms.ToArray();
                }

                var writer = new MtomWriter("urn:ihe:iti:2007:RetrieveDocumentSetResponse");
                var attachment = new MtomAttachment("answer@example", new MemoryStream(answerDoc));
                context.Response.ContentType = writer.ContentType;
                byte[] envelope = SampleData.Utf8(SampleData.Soap12Response("<x:Doc xmlns:x=\"urn:x\"><xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\" href=\"" + attachment.Href + "\"/></x:Doc>"));
                await writer.WriteAsync(context.Response.Body, envelope, new[] { attachment });
            });
            using var transport = new SoapHttpTransport(new SoapTransportOptions());

            using SoapResponse response = await transport.SendAsync(host.Address, Request(false, new MtomAttachment("doc1@example", new TrickleStream(doc, 65536))));

            Assert.That(received, Is.EqualTo(doc));
            Assert.That(response.Mtom, Is.Not.Null);
            Assert.That(response.Envelope.Body.LocalName, Is.EqualTo("Doc"));
            using var copy = new MemoryStream();
            XopContent.CopyTo(response.Envelope.Body, response.Mtom, copy);
            Assert.That(copy.ToArray(), Is.EqualTo(answerDoc));
        }

        [Test]
        public async Task A_SOAP_fault_with_HTTP_500_becomes_a_SoapFaultException()
        {
            await using var host = await KestrelHost.StartAsync(c => Respond(c, 500, "application/soap+xml; charset=utf-8", SampleData.Utf8(SampleData.Soap12DmpFault)));
            using var transport = new SoapHttpTransport(new SoapTransportOptions());

            var ex = await Assert.ThrowsAsync<SoapFaultException>(() => transport.SendAsync(host.Address, Request()));
            Assert.That(ex!.HasCode("DMPInvalidCertificate"), Is.True);
            Assert.That(ex.RawMessage, Is.EqualTo(SampleData.Soap12DmpFault));
        }

        [Test]
        public async Task A_fault_is_logged_with_its_codes_and_the_raw_fault_redacted()
        {
            await using var host = await KestrelHost.StartAsync(c => Respond(c, 500, "application/soap+xml", SampleData.Utf8(SampleData.Soap12DmpFault)));
            var logger = new CapturingLogger();
            string dir = Path.Combine(Path.GetTempPath(), "dmp-capture-" + Guid.NewGuid().ToString("N"));
            try
            {
                using var transport = new SoapHttpTransport(new SoapTransportOptions { Logger = logger, CaptureDirectory = dir });

                await Assert.ThrowsAsync<SoapFaultException>(() => transport.SendAsync(host.Address, Request()));

                Assert.That(logger.WithEvent(DmpConnector.Diagnostics.DmpLogEvents.SoapMessageCaptureEnabled).Count(), Is.EqualTo(1));
                var fault = logger.WithEvent(DmpConnector.Diagnostics.DmpLogEvents.SoapFaultReceived).Single();
                Assert.That(fault.Message, Does.Contain("DMPInvalidCertificate"));
                Assert.That(fault.Message, Does.Not.Contain("authentication key used"), "the raw fault may hold patient data");
                Assert.That(logger.WithEvent(DmpConnector.Diagnostics.DmpLogEvents.SoapCallStarted).Count(), Is.EqualTo(1));
            }
            finally
            {
                if (Directory.Exists(dir))
                {
                    Directory.Delete(dir, true);
                }
            }
        }

        [Test]
        public async Task Pitfall_7_a_fault_inside_an_MTOM_answer_becomes_a_SoapFaultException()
        {
            await using var host = await KestrelHost.StartAsync(async c =>
            {
                var writer = new MtomWriter("urn:ihe:iti:2007:RetrieveDocumentSetResponse");
                c.Response.ContentType = writer.ContentType;
                await writer.WriteAsync(c.Response.Body, SampleData.Utf8(SampleData.Soap12DmpFault), Array.Empty<MtomAttachment>());
            });
            using var transport = new SoapHttpTransport(new SoapTransportOptions());

            var ex = await Assert.ThrowsAsync<SoapFaultException>(() => transport.SendAsync(host.Address, Request()));
            Assert.That(ex!.Reason, Is.EqualTo("Not a valid signature certificate"));
        }

        [TestCase(503, "text/html", "<html>busy</html>")]
        [TestCase(404, "", "")]
        [TestCase(500, "text/xml", "<notsoap/>")]
        public async Task An_HTTP_error_without_a_SOAP_body_becomes_a_transport_exception_with_the_status(int status, string contentType, string body)
        {
            await using var host = await KestrelHost.StartAsync(c => Respond(c, status, contentType.Length == 0 ? "application/octet-stream" : contentType, SampleData.Utf8(body)));
            using var transport = new SoapHttpTransport(new SoapTransportOptions { MaxRetries = 0 });

            var ex = await Assert.ThrowsAsync<SoapTransportException>(() => transport.SendAsync(host.Address, Request()));
            Assert.That(ex!.StatusCode, Is.EqualTo((HttpStatusCode)status));
            Assert.That(ex.ResponseBody, Is.EqualTo(body));
            Assert.That(ex.IsTransient, Is.EqualTo(status == 503));
        }

        [Test]
        public async Task A_transient_failure_is_retried_only_for_an_idempotent_call()
        {
            int calls = 0;
            await using var host = await KestrelHost.StartAsync(c =>
            {
                int n = Interlocked.Increment(ref calls);
                return n % 3 != 0
                    ? Respond(c, 503, "text/plain", SampleData.Utf8("busy"))
                    : Respond(c, 200, "application/soap+xml", SampleData.Utf8(SampleData.Soap12Response()));
            });
            using var transport = new SoapHttpTransport(new SoapTransportOptions { MaxRetries = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(1) });

            var ex = await Assert.ThrowsAsync<SoapTransportException>(() => transport.SendAsync(host.Address, Request(idempotent: false)));
            Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(calls, Is.EqualTo(1), "a feeding-like (non-idempotent) call is never repeated");

            calls = 0;
            using SoapResponse response = await transport.SendAsync(host.Address, Request(idempotent: true));
            Assert.That(calls, Is.EqualTo(3), "two retries, then success");
        }

        [Test]
        public async Task A_retried_MTOM_call_resends_the_whole_attachment()
        {
            int calls = 0;
            var sizes = new ConcurrentBag<long>();
            byte[] doc = SampleData.Bytes(300_000);
            await using var host = await KestrelHost.StartAsync(async c =>
            {
                using (MtomMessage m = await MtomMessage.ReadAsync(c.Request.Body, c.Request.ContentType, null))
                {
                    sizes.Add(m.FindPart("d@x")!.Length);
                }

                await (Interlocked.Increment(ref calls) == 1
                    ? Respond(c, 502, "text/plain", SampleData.Utf8("bad gateway"))
                    : Respond(c, 200, "application/soap+xml", SampleData.Utf8(SampleData.Soap12Response())));
            });
            using var transport = new SoapHttpTransport(new SoapTransportOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(1) });

            using SoapResponse response = await transport.SendAsync(host.Address, Request(true, new MtomAttachment("d@x", new MemoryStream(doc))));
            Assert.That(sizes, Is.EqualTo(new long[] { doc.Length, doc.Length }));
        }

        [Test]
        public async Task The_per_call_timeout_gives_a_timeout_transport_exception()
        {
            await using var host = await KestrelHost.StartAsync(async c => await Task.Delay(TimeSpan.FromSeconds(30), c.RequestAborted));
            using var transport = new SoapHttpTransport(new SoapTransportOptions { Timeout = TimeSpan.FromMinutes(5) });

            var request = new SoapRequest(new SoapRequestHeaders("urn:a"), Query) { Timeout = TimeSpan.FromMilliseconds(300) };
            var ex = await Assert.ThrowsAsync<SoapTransportException>(() => transport.SendAsync(host.Address, request));
            Assert.That(ex!.IsTimeout, Is.True);
            Assert.That(ex.IsTransient, Is.True);
        }

        [Test]
        public async Task The_time_limit_still_applies_while_the_caller_streams_a_plain_body()
        {
            await using var host = await KestrelHost.StartAsync(async c =>
            {
                c.Response.ContentType = "application/soap+xml";
                string start = SampleData.Soap12Response("<r:Answer xmlns:r=\"urn:example:answer\"><r:Item>1</r:Item>");
                start = start.Substring(0, start.IndexOf("</soap:Body>", StringComparison.Ordinal)) + new string(' ', 8192);
                await c.Response.Body.WriteAsync(SampleData.Utf8(start));
                await c.Response.Body.FlushAsync();
                await Task.Delay(TimeSpan.FromSeconds(60), c.RequestAborted);
            });
            using var transport = new SoapHttpTransport(new SoapTransportOptions { Timeout = TimeSpan.FromSeconds(2) });

            using SoapResponse response = await transport.SendAsync(host.Address, Request());
            Assert.That(response.Envelope.Body.LocalName, Is.EqualTo("Answer"));
            Task drain = Task.Run(() =>
            {
                while (response.Envelope.Body.Read())
                {
                }
            });
            Exception? failure = null;
            try
            {
                await drain.WaitAsync(TimeSpan.FromSeconds(50));
            }
            catch (Exception ex) when (ex is not TimeoutException)
            {
                failure = ex;
            }

            Assert.That(failure, Is.Not.Null, "reading the stalled body fails once the call's time limit passes, instead of hanging");
        }

        [Test]
        public async Task Cancelling_during_a_large_upload_stops_it_promptly()
        {
            await using var host = await KestrelHost.StartAsync(async c =>
            {
                await c.Request.Body.CopyToAsync(Stream.Null, c.RequestAborted);
                await Respond(c, 200, "application/soap+xml", SampleData.Utf8(SampleData.Soap12Response()));
            });
            using var transport = new SoapHttpTransport(new SoapTransportOptions());
            using var cts = new CancellationTokenSource();
            var source = new CancellingStream(500L * 1024 * 1024, cancelAfter: 5L * 1024 * 1024, cts);

            Assert.That(async () => await transport.SendAsync(host.Address, Request(false, new MtomAttachment("big@x", source)), cts.Token), Throws.InstanceOf<OperationCanceledException>());
            Assert.That(source.Position, Is.LessThan(50L * 1024 * 1024), "the upload stopped soon after cancellation, not at the end of the 500 MB");
        }

        [Test]
        public async Task A_refused_connection_is_a_transient_transport_exception_without_status()
        {
            int port;
            using (var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
            {
                listener.Start();
                port = ((IPEndPoint)listener.LocalEndpoint).Port;
            }

            using var transport = new SoapHttpTransport(new SoapTransportOptions { MaxRetries = 0 });
            var ex = await Assert.ThrowsAsync<SoapTransportException>(() => transport.SendAsync(new Uri("http://127.0.0.1:" + port + "/x"), Request()));
            Assert.That(ex!.StatusCode, Is.Null);
            Assert.That(ex.IsTransient, Is.True);
        }

        [Test]
        public async Task Message_capture_writes_each_exchange_and_the_files_are_readable_by_the_MTOM_reader()
        {
            string dir = Path.Combine(Path.GetTempPath(), "dmp-capture-" + Guid.NewGuid().ToString("N"));
            try
            {
                await using var host = await KestrelHost.StartAsync(async c =>
                {
                    await c.Request.Body.CopyToAsync(Stream.Null);
                    var writer = new MtomWriter("urn:r");
                    c.Response.ContentType = writer.ContentType;
                    await writer.WriteAsync(c.Response.Body, SampleData.Utf8(SampleData.Soap12Response()), Array.Empty<MtomAttachment>());
                });
                using var transport = new SoapHttpTransport(new SoapTransportOptions { CaptureDirectory = dir });
                using (SoapResponse response = await transport.SendAsync(host.Address, Request(false, new MtomAttachment("d@x", new MemoryStream(SampleData.Bytes(1000))))))
                {
                    Assert.That(response.Envelope.Action, Does.EndWith("Response"));
                }

                string[] files = Directory.GetFiles(dir).OrderBy(f => f, StringComparer.Ordinal).ToArray();
                Assert.That(files.Select(Path.GetFileName), Has.Some.EndsWith("-request.http").And.Some.EndsWith("-response.http"));
                foreach (string file in files)
                {
                    using MtomMessage m = await MtomMessage.ReadAsync(File.OpenRead(file), null, null);
                    Assert.That(m.Parts.Count, Is.GreaterThanOrEqualTo(1));
                }
            }
            finally
            {
                if (Directory.Exists(dir))
                {
                    Directory.Delete(dir, true);
                }
            }
        }

        [Test]
        public async Task Mutual_TLS_presents_the_client_certificate_and_validates_the_server_by_default()
        {
            using X509Certificate2 server = SelfSigned("CN=127.0.0.1", serverAuth: true);
            using X509Certificate2 client = SelfSigned("CN=TEST CLIENT AUTH", serverAuth: false);
            string? seenClient = null;
            await using var host = await KestrelHost.StartAsync(
                async c =>
                {
                    seenClient = c.Connection.ClientCertificate?.Thumbprint;
                    await Respond(c, 200, "application/soap+xml", SampleData.Utf8(SampleData.Soap12Response()));
                },
                server,
                requireClientCertificate: true);
            var https = new UriBuilder(host.Address) { Scheme = "https" }.Uri;

            using (var trusting = new SoapHttpTransport(new SoapTransportOptions { ClientCertificate = client, ServerCertificateValidator = (cert, _, _) => cert?.Thumbprint == server.Thumbprint }))
            using (SoapResponse response = await trusting.SendAsync(https, Request()))
            {
                Assert.That(seenClient, Is.EqualTo(client.Thumbprint));
            }

            using var strict = new SoapHttpTransport(new SoapTransportOptions { ClientCertificate = client });
            var ex = await Assert.ThrowsAsync<SoapTlsException>(() => strict.SendAsync(https, Request(idempotent: true)));
            Assert.That(ex!.IsTransient, Is.False, "an untrusted server certificate is not retried");
        }

        [Test]
        public void A_client_certificate_without_its_private_key_is_rejected()
        {
            using X509Certificate2 withKey = SelfSigned("CN=x", serverAuth: false);
            using X509Certificate2 publicOnly = X509CertificateLoader.LoadCertificate(withKey.RawData);
            var ex = Assert.Throws<DmpInputException>(() => _ = new SoapHttpTransport(new SoapTransportOptions { ClientCertificate = publicOnly }));
            Assert.That(ex!.Rule, Is.EqualTo("SOAP-CLIENT-CERT"));
        }

        private static X509Certificate2 SelfSigned(string subject, bool serverAuth)
        {
            using RSA rsa = RSA.Create(2048);
            var req = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            req.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2") }, false));
            if (serverAuth)
            {
                var san = new SubjectAlternativeNameBuilder();
                san.AddIpAddress(IPAddress.Loopback);
                req.CertificateExtensions.Add(san.Build());
            }

            using X509Certificate2 cert = req.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
        }

        /// <summary>A generated, non-seekable stream that cancels a token once it has produced a given number of bytes.</summary>
        private sealed class CancellingStream : Stream
        {
            private readonly long length;
            private readonly long cancelAfter;
            private readonly CancellationTokenSource cts;
            private long position;

            public CancellingStream(long length, long cancelAfter, CancellationTokenSource cts)
            {
                this.length = length;
                this.cancelAfter = cancelAfter;
                this.cts = cts;
            }

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => Interlocked.Read(ref position); set => throw new NotSupportedException(); }

            public override void Flush()
            {
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                int n = (int)Math.Min(count, length - position);
                Array.Fill(buffer, (byte)'A', offset, n);
                Interlocked.Add(ref position, n);
                if (position >= cancelAfter)
                {
                    cts.Cancel();
                }

                return n;
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
