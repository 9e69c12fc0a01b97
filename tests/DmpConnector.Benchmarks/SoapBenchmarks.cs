using System;
using System.IO;
using System.ServiceModel.Channels;
using System.Text;
using System.Threading.Tasks;
using System.Xml;
using BenchmarkDotNet.Attributes;
using DmpConnector.InteropTests.Soap;
using DmpConnector.Soap;

namespace DmpConnector.Benchmarks
{
    /// <summary>
    /// MTOM write and read of one SOAP 1.2 message carrying one document (1 MB, 50 MB): DmpConnector against WCF's MTOM
    /// encoder (System.ServiceModel.Http 10.1.0) on the same message. Writes go to Stream.Null; reads consume the
    /// document's bytes to Stream.Null. Both readers read the same bytes (ours, which WCF reads in the interop tests).
    /// </summary>
    [MemoryDiagnoser]
    public class SoapBenchmarks
    {
        private const string Action = "urn:ihe:iti:2007:RetrieveDocumentSetResponse";
        private byte[] document = Array.Empty<byte>();
        private byte[] envelope = Array.Empty<byte>();
        private byte[] wire = Array.Empty<byte>();
        private string contentType = string.Empty;
        private MessageEncoder wcf = null!;

        /// <summary>The document size in bytes.</summary>
        [Params(1_000_000, 50_000_000)]
        public int Size { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            document = new byte[Size];
            new Random(1).NextBytes(document);
            string href = ContentIds.ToHref("doc@dmpconnector");
            envelope = SoapEnvelopeWriter.ToBytes(new SoapRequestHeaders(Action), w =>
            {
                w.WriteStartElement("xdsb", "Document", WcfDocumentBody.DocumentNamespace);
                w.WriteStartElement("xop", "Include", SoapNamespaces.Xop);
                w.WriteAttributeString("href", href);
                w.WriteEndElement();
                w.WriteEndElement();
            });
            var writer = new MtomWriter(Action);
            using var ms = new MemoryStream();
            writer.WriteAsync(ms, envelope, new[] { new MtomAttachment("doc@dmpconnector", new MemoryStream(document)) }).GetAwaiter().GetResult();
            wire = ms.ToArray();
            contentType = writer.ContentType;
            wcf = new MtomMessageEncodingBindingElement(MessageVersion.Soap12WSAddressing10, Encoding.UTF8).CreateMessageEncoderFactory().Encoder;
        }

        [Benchmark(Baseline = true)]
        public void WcfWrite()
        {
            Message message = Message.CreateMessage(MessageVersion.Soap12WSAddressing10, Action, new WcfDocumentBody(document, isBuffered: false));
            wcf.WriteMessage(message, Stream.Null);
        }

        [Benchmark]
        public Task OursWrite() =>
            new MtomWriter(Action).WriteAsync(Stream.Null, envelope, new[] { new MtomAttachment("doc@dmpconnector", new MemoryStream(document, false)) });

        [Benchmark]
        public long WcfRead()
        {
            Message message = wcf.ReadMessage(new MemoryStream(wire, false), 64 * 1024, contentType);
            using XmlDictionaryReader body = message.GetReaderAtBodyContents();
            body.Read();
            var chunk = new byte[81920];
            long total = 0;
            int n;
            while ((n = body.ReadContentAsBase64(chunk, 0, chunk.Length)) > 0)
            {
                total += n;
            }

            return total;
        }

        [Benchmark]
        public async Task<long> OursRead()
        {
            using MtomMessage message = await MtomMessage.ReadAsync(new MemoryStream(wire, false), contentType, null);
            using SoapEnvelope soap = message.ReadEnvelope();
            return XopContent.CopyTo(soap.Body, message, Stream.Null);
        }
    }
}
