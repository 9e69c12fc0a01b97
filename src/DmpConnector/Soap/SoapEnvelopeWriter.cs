using System;
using System.IO;
using System.Text;
using System.Xml;

namespace DmpConnector.Soap
{
    /// <summary>
    /// Writes SOAP 1.2 envelopes: WS-Addressing headers as the official DMP examples place them, the <c>wsse:Security</c>
    /// header holding an already-signed element unchanged, and a body written by the caller through a streaming
    /// <see cref="XmlWriter"/>.
    /// </summary>
    public static class SoapEnvelopeWriter
    {
        /// <summary>
        /// Writes the envelope as UTF-8 (no BOM, no XML declaration, no indentation) to <paramref name="output"/>.
        /// </summary>
        /// <param name="output">Where the envelope goes; left open.</param>
        /// <param name="headers">The addressing and security headers.</param>
        /// <param name="writeBody">Writes the body's content (one element, e.g. <c>query:AdhocQueryRequest</c>).</param>
        public static void Write(Stream output, SoapRequestHeaders headers, Action<XmlWriter> writeBody)
        {
            if (output is null)
            {
                throw new ArgumentNullException(nameof(output));
            }

            if (headers is null)
            {
                throw new ArgumentNullException(nameof(headers));
            }

            if (writeBody is null)
            {
                throw new ArgumentNullException(nameof(writeBody));
            }

            using XmlWriter writer = XmlWriter.Create(output, CreateSettings());
            writer.WriteStartElement("soap", "Envelope", SoapNamespaces.Soap12);
            writer.WriteStartElement("soap", "Header", SoapNamespaces.Soap12);
            WriteAddressing(writer, "MessageID", headers.MessageId);
            WriteAddressing(writer, "To", headers.To);
            writer.WriteStartElement(string.Empty, "ReplyTo", SoapNamespaces.Addressing);
            WriteMustUnderstand(writer, headers.UnprefixedMustUnderstand);
            WriteAddressing(writer, "Address", SoapNamespaces.AnonymousAddress);
            writer.WriteEndElement();
            writer.WriteStartElement(string.Empty, "Action", SoapNamespaces.Addressing);
            WriteMustUnderstand(writer, headers.UnprefixedMustUnderstand);
            writer.WriteString(headers.Action);
            writer.WriteEndElement();
            if (headers.Security is { } security)
            {
                writer.WriteStartElement("wsse", "Security", SoapNamespaces.WsSecurity);

                // Raw: the signed element's characters go out as they are (NewLineHandling.None, no indentation).
                writer.WriteRaw(security.Xml);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteStartElement("soap", "Body", SoapNamespaces.Soap12);
            writeBody(writer);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.Flush();
        }

        /// <summary>Writes the envelope into a new byte array (envelopes are small; documents travel as MTOM attachments).</summary>
        /// <param name="headers">The addressing and security headers.</param>
        /// <param name="writeBody">Writes the body's content.</param>
        /// <returns>The UTF-8 bytes of the envelope.</returns>
        public static byte[] ToBytes(SoapRequestHeaders headers, Action<XmlWriter> writeBody)
        {
            using var buffer = new MemoryStream();
            Write(buffer, headers, writeBody);
            return buffer.ToArray();
        }

        internal static XmlWriterSettings CreateSettings() => new()
        {
            Encoding = new UTF8Encoding(false),
            OmitXmlDeclaration = true,
            Indent = false,
            NewLineHandling = NewLineHandling.None,
            CloseOutput = false,
            ConformanceLevel = ConformanceLevel.Document,
        };

        private static void WriteAddressing(XmlWriter writer, string name, string? value)
        {
            writer.WriteStartElement(string.Empty, name, SoapNamespaces.Addressing);
            if (!string.IsNullOrEmpty(value))
            {
                writer.WriteString(value);
            }

            writer.WriteEndElement();
        }

        private static void WriteMustUnderstand(XmlWriter writer, bool unprefixed)
        {
            if (unprefixed)
            {
                writer.WriteAttributeString("mustUnderstand", "true");
            }
            else
            {
                writer.WriteAttributeString("soap", "mustUnderstand", SoapNamespaces.Soap12, "true");
            }
        }
    }
}
