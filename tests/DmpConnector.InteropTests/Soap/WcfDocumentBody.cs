using System.ServiceModel.Channels;
using System.Xml;

namespace DmpConnector.InteropTests.Soap
{
    /// <summary>
    /// A WCF message body holding one document as <c>xdsb:Document</c> base64 content, which WCF's MTOM encoder turns into
    /// an attachment. Shared by the WCF interop tests and linked into the benchmarks (SoapBenchmarks).
    /// </summary>
    internal sealed class WcfDocumentBody : BodyWriter
    {
        /// <summary>The XDS.b namespace of the <c>Document</c> element.</summary>
        public const string DocumentNamespace = "urn:ihe:iti:xds-b:2007";

        private readonly byte[] document;

        public WcfDocumentBody(byte[] document, bool isBuffered = true)
            : base(isBuffered) => this.document = document;

        protected override void OnWriteBodyContents(XmlDictionaryWriter writer)
        {
            writer.WriteStartElement("xdsb", "Document", DocumentNamespace);
            writer.WriteBase64(document, 0, document.Length);
            writer.WriteEndElement();
        }
    }
}
