using System;
using System.IO;
using System.ServiceModel;
using System.ServiceModel.Channels;
using System.Text;
using System.Threading.Tasks;
using System.Xml;
using DmpConnector.Soap;
using DmpConnector.Tests.Support;
using NUnit.Framework;

namespace DmpConnector.InteropTests.Soap
{
    /// <summary>A WCF client (SOAP 1.2, WS-Addressing 1.0, MTOM over HTTP) against a Kestrel server that uses our reader and writer.</summary>
    public class WcfHttpInteropTests
    {

        [TestCase(500)]
        [TestCase(1_000_000)]
        public async Task A_WCF_client_sends_MTOM_we_read_and_reads_the_MTOM_we_answer(int size)
        {
            byte[] sent = SampleData.Bytes(size, seed: 3);
            byte[] answer = SampleData.Bytes(size + 17, seed: 4);
            byte[]? received = null;
            string? receivedAction = null;
            string? requestContentType = null;
            await using var host = await KestrelHost.StartAsync(async context =>
            {
                requestContentType = context.Request.ContentType;
                using (MtomMessage request = await MtomMessage.ReadAsync(context.Request.Body, context.Request.ContentType, null))
                using (SoapEnvelope envelope = request.ReadEnvelope())
                using (var copy = new MemoryStream())
                {
                    receivedAction = envelope.Action;
                    XopContent.CopyTo(envelope.Body, request, copy);
                    received = copy.ToArray();
                }

                var writer = new MtomWriter("urn:ihe:iti:2007:RetrieveDocumentSetResponse");
                var attachment = new MtomAttachment("answer@urn:ihe:iti:xds-b:2007", new MemoryStream(answer));
                var headers = new SoapRequestHeaders(writer.Action) { To = SoapNamespaces.AnonymousAddress };
                byte[] envelopeBytes = SoapEnvelopeWriter.ToBytes(headers, w =>
                {
                    w.WriteStartElement("xdsb", "Document", WcfDocumentBody.DocumentNamespace);
                    w.WriteStartElement("xop", "Include", SoapNamespaces.Xop);
                    w.WriteAttributeString("href", attachment.Href);
                    w.WriteEndElement();
                    w.WriteEndElement();
                });
                context.Response.ContentType = writer.ContentType;
                await writer.WriteAsync(context.Response.Body, envelopeBytes, new[] { attachment });
            });

            var binding = new CustomBinding(
                new MtomMessageEncodingBindingElement(MessageVersion.Soap12WSAddressing10, Encoding.UTF8),
                new HttpTransportBindingElement { MaxReceivedMessageSize = 64 * 1024 * 1024, MaxBufferSize = 64 * 1024 * 1024 });
            var factory = new ChannelFactory<IRequestChannel>(binding, new EndpointAddress(host.Address));
            IRequestChannel channel = factory.CreateChannel();
            try
            {
                channel.Open();
                Message request = Message.CreateMessage(MessageVersion.Soap12WSAddressing10, "urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b", new WcfDocumentBody(sent));
                Message reply = await Task.Run(() => channel.Request(request));

                Assert.That(receivedAction, Is.EqualTo("urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b"));
                Assert.That(received, Is.EqualTo(sent), "our reader got WCF's document");
                Assert.That(MimeType(requestContentType!), Is.EqualTo("multipart/related"), "WCF put the MIME parameters in the HTTP Content-Type");
                Assert.That(reply.IsFault, Is.False);
                Assert.That(reply.Headers.Action, Is.EqualTo("urn:ihe:iti:2007:RetrieveDocumentSetResponse"));
                using XmlDictionaryReader body = reply.GetReaderAtBodyContents();
                body.Read();
                using var got = new MemoryStream();
                var chunk = new byte[8192];
                int n;
                while ((n = body.ReadContentAsBase64(chunk, 0, chunk.Length)) > 0)
                {
                    got.Write(chunk, 0, n);
                }

                Assert.That(got.ToArray(), Is.EqualTo(answer), "WCF's decoder got our document");
            }
            finally
            {
                channel.Abort();
                factory.Abort();
            }
        }

        private static string MimeType(string contentType) => contentType.Split(';')[0].Trim().ToLowerInvariant();
    }
}
