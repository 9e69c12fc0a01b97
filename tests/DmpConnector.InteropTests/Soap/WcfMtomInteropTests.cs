using System;
using System.IO;
using System.Linq;
using System.ServiceModel.Channels;
using System.Text;
using System.Threading.Tasks;
using System.Xml;
using DmpConnector.Soap;
using DmpConnector.Tests.Support;
using NUnit.Framework;

namespace DmpConnector.InteropTests.Soap
{
    /// <summary>WCF's MTOM encoder and decoder (System.ServiceModel.Http 10.1.0) as an independent peer.</summary>
    public class WcfMtomInteropTests
    {

        private static MessageEncoder WcfEncoder() =>
            new MtomMessageEncodingBindingElement(MessageVersion.Soap12WSAddressing10, Encoding.UTF8) { MaxBufferSize = int.MaxValue }
                .CreateMessageEncoderFactory().Encoder;

        [TestCase(0)]
        [TestCase(500)]
        [TestCase(100_001)]
        [TestCase(5_000_000)]
        public async Task WCF_reads_our_MTOM_with_identical_attachment_bytes(int size)
        {
            byte[] doc = SampleData.Bytes(size, seed: size);
            var attachment = new MtomAttachment("doc-" + size + "@urn:ihe:iti:xds-b:2007", new MemoryStream(doc));
            var headers = new SoapRequestHeaders("urn:ihe:iti:2007:RetrieveDocumentSetResponse") { To = "http://127.0.0.1/x" };
            byte[] envelope = SoapEnvelopeWriter.ToBytes(headers, w =>
            {
                w.WriteStartElement("xdsb", "Document", WcfDocumentBody.DocumentNamespace);
                w.WriteStartElement("xop", "Include", SoapNamespaces.Xop);
                w.WriteAttributeString("href", attachment.Href);
                w.WriteEndElement();
                w.WriteEndElement();
            });
            var writer = new MtomWriter(headers.Action);
            using var wire = new MemoryStream();
            await writer.WriteAsync(wire, envelope, new[] { attachment });
            wire.Position = 0;

            Message message = WcfEncoder().ReadMessage(wire, 64 * 1024, writer.ContentType);
            Assert.That(message.Version, Is.EqualTo(MessageVersion.Soap12WSAddressing10));
            Assert.That(message.Headers.Action, Is.EqualTo(headers.Action));
            Assert.That(message.Headers.MessageId.ToString(), Is.EqualTo(headers.MessageId));
            using XmlDictionaryReader body = message.GetReaderAtBodyContents();
            Assert.That(body.LocalName, Is.EqualTo("Document"));
            using var read = new MemoryStream();
            if (!body.IsEmptyElement)
            {
                body.Read();
                var chunk = new byte[8192];
                int n;
                while ((n = body.ReadContentAsBase64(chunk, 0, chunk.Length)) > 0)
                {
                    read.Write(chunk, 0, n);
                }
            }

            Assert.That(read.ToArray(), Is.EqualTo(doc));
        }

        [TestCase(0)]
        [TestCase(100)]
        [TestCase(767)]
        [TestCase(768)]
        [TestCase(100_001)]
        [TestCase(5_000_000)]
        public async Task We_read_WCF_MTOM_including_the_small_inline_base64_case(int size)
        {
            byte[] doc = SampleData.Bytes(size, seed: size + 1);
            Message message = Message.CreateMessage(MessageVersion.Soap12WSAddressing10, "urn:ihe:iti:2007:RetrieveDocumentSetResponse", new WcfDocumentBody(doc));
            message.Headers.MessageId = new System.Xml.UniqueId(Guid.NewGuid());
            message.Headers.RelatesTo = new System.Xml.UniqueId(Guid.NewGuid());
            using var wire = new MemoryStream();
            MessageEncoder encoder = WcfEncoder();
            encoder.WriteMessage(message, wire);
            wire.Position = 0;

            // WCF writes the MIME headers (MIME-Version, Content-Type with the boundary) at the top of the stream
            // (pitfall 1 is about sending them there over HTTP); our reader takes the Content-Type from them.
            using MtomMessage mtom = await MtomMessage.ReadAsync(wire, null, null);
            using SoapEnvelope envelope = mtom.ReadEnvelope();
            Assert.That(envelope.Version, Is.EqualTo(SoapVersion.Soap12));
            Assert.That(envelope.Action, Is.EqualTo("urn:ihe:iti:2007:RetrieveDocumentSetResponse"));
            Assert.That(envelope.RelatesTo, Does.StartWith("urn:uuid:"));
            Assert.That(envelope.Body.LocalName, Is.EqualTo("Document"));
            using var copy = new MemoryStream();
            XopContent.CopyTo(envelope.Body, mtom, copy);
            Assert.That(copy.ToArray(), Is.EqualTo(doc));
            TestContext.Out.WriteLine($"{size} bytes: {mtom.Parts.Count} part(s), {mtom.GetXopIncludes().Count} xop:Include");
            if (size <= 767)
            {
                Assert.That(mtom.GetXopIncludes(), Is.Empty, "WCF inlines small binary content as base64");
            }
            else
            {
                Assert.That(mtom.GetXopIncludes(), Has.Count.EqualTo(1));
            }
        }
    }
}
