using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using DmpConnector.Soap;
using DmpConnector.Tests.Support;
using NUnit.Framework;

namespace DmpConnector.InteropTests.Soap
{
    /// <summary>Pitfall 5: a 200 MB document over real HTTP (Kestrel) both ways, with bounded memory.</summary>
    public class LargeDocumentTests
    {
        private const long DocumentSize = 200L * 1024 * 1024;

        [Test]
        public async Task A_200_MB_attachment_round_trips_over_HTTP_with_memory_far_below_its_size()
        {
            byte[] expectedHash = Hash(new GeneratedStream(DocumentSize));
            byte[]? serverHash = null;
            long serverLength = -1;
            bool serverSpilled = false;
            await using var host = await KestrelHost.StartAsync(async context =>
            {
                using MtomMessage request = await MtomMessage.ReadAsync(context.Request.Body, context.Request.ContentType, null, context.RequestAborted);
                MtomPart part = request.FindPart("big@dmpconnector.test")!;
                serverLength = part.Length;
                serverSpilled = part.IsInTemporaryFile;
                using (Stream s = part.OpenRead())
                {
                    serverHash = Hash(s);
                }

                // Send the same bytes back, streamed from the server's temporary file.
                var writer = new MtomWriter("urn:ihe:iti:2007:RetrieveDocumentSetResponse");
                using Stream back = part.OpenRead();
                var attachment = new MtomAttachment("back@dmpconnector.test", back);
                context.Response.ContentType = writer.ContentType;
                byte[] envelope = SampleData.Utf8(SampleData.Soap12Response("<x:Document xmlns:x=\"urn:ihe:iti:xds-b:2007\"><xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\" href=\"" + attachment.Href + "\"/></x:Document>"));
                await writer.WriteAsync(context.Response.Body, envelope, new[] { attachment }, context.RequestAborted);
            });
            using var transport = new SoapHttpTransport(new SoapTransportOptions { Timeout = TimeSpan.FromMinutes(10) });
            var request = new SoapRequest(new SoapRequestHeaders("urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b"), w =>
            {
                w.WriteStartElement("x", "Document", "urn:ihe:iti:xds-b:2007");
                w.WriteStartElement("xop", "Include", SoapNamespaces.Xop);
                w.WriteAttributeString("href", ContentIds.ToHref("big@dmpconnector.test"));
                w.WriteEndElement();
                w.WriteEndElement();
            })
            {
                Attachments = new[] { new MtomAttachment("big@dmpconnector.test", new GeneratedStream(DocumentSize)) },
            };

            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            long heapBefore = GC.GetTotalMemory(true);
            long allocatedBefore = GC.GetTotalAllocatedBytes(true);
            using var sampling = new CancellationTokenSource();
            long peakHeap = heapBefore;
            Task sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    long now = GC.GetTotalMemory(false);
                    if (now > Interlocked.Read(ref peakHeap))
                    {
                        Interlocked.Exchange(ref peakHeap, now);
                    }

                    try
                    {
                        await Task.Delay(10, sampling.Token);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                }
            });

            byte[] clientHash;
            long clientLength;
            using (SoapResponse response = await transport.SendAsync(host.Address, request))
            {
                Assert.That(response.Mtom!.FindPart("back@dmpconnector.test")!.IsInTemporaryFile, Is.True);
                using var hashing = new HashingStream();
                clientLength = XopContent.CopyTo(response.Envelope.Body, response.Mtom, hashing);
                clientHash = hashing.Hash();
            }

            long allocated = GC.GetTotalAllocatedBytes(true) - allocatedBefore;
            await sampling.CancelAsync();
            await sampler;
            long peakAboveStart = peakHeap - heapBefore;
            TestContext.Out.WriteLine($"200 MB up and down: allocated {allocated / (1024.0 * 1024):0.0} MiB (client and server), managed heap peak +{peakAboveStart / (1024.0 * 1024):0.0} MiB, peak working set {Environment.WorkingSet / (1024.0 * 1024):0} MiB");

            Assert.That(serverLength, Is.EqualTo(DocumentSize));
            Assert.That(serverSpilled, Is.True);
            Assert.That(serverHash, Is.EqualTo(expectedHash), "the server received every byte");
            Assert.That(clientLength, Is.EqualTo(DocumentSize));
            Assert.That(clientHash, Is.EqualTo(expectedHash), "the client received every byte back");
            Assert.That(allocated, Is.LessThan(DocumentSize / 4), "400 MB moved through the SDK with bounded buffering: allocations far below one document");
            Assert.That(peakAboveStart, Is.LessThan(DocumentSize / 4), "the managed heap never held a document");
        }

        private static byte[] Hash(Stream s)
        {
            using var sha = SHA256.Create();
            return sha.ComputeHash(s);
        }

        /// <summary>Deterministic pseudo-random bytes produced on the fly (never held in memory), not seekable.</summary>
        private sealed class GeneratedStream : Stream
        {
            private readonly long length;
            private long position;
            private ulong state = 0x9E3779B97F4A7C15UL;

            public GeneratedStream(long length) => this.length = length;

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => position; set => throw new NotSupportedException(); }

            public override void Flush()
            {
            }

            public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

            public override int Read(Span<byte> buffer)
            {
                int n = (int)Math.Min(buffer.Length, length - position);
                for (int i = 0; i < n; i++)
                {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    buffer[i] = (byte)state;
                }

                position += n;
                return n;
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }

        private sealed class HashingStream : Stream
        {
            private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

            public override bool CanRead => false;

            public override bool CanSeek => false;

            public override bool CanWrite => true;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public byte[] Hash() => hash.GetHashAndReset();

            public override void Flush()
            {
            }

            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => hash.AppendData(buffer, offset, count);

            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    hash.Dispose();
                }

                base.Dispose(disposing);
            }
        }
    }
}
