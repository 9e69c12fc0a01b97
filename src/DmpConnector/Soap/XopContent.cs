using System;
using System.IO;
using System.Xml;

namespace DmpConnector.Soap
{
    /// <summary>
    /// Reads binary content carried by an element either as an <c>xop:Include</c> (MTOM) or as inline base64 (plain
    /// SOAP, or a small document WCF chose to inline), streaming it into the caller's stream.
    /// </summary>
    public static class XopContent
    {
        /// <summary>
        /// Copies the content of the element the reader is positioned on (e.g. XDS <c>Document</c>) into
        /// <paramref name="destination"/>, and moves the reader past the element.
        /// </summary>
        /// <param name="reader">A reader positioned on the element's start tag.</param>
        /// <param name="message">The MTOM message the element came in, or null for a plain SOAP message.</param>
        /// <param name="destination">Where the bytes go.</param>
        /// <returns>The number of bytes copied.</returns>
        /// <exception cref="MtomFormatException">Rule <c>MTOM-CID-UNRESOLVED</c> (unknown content id, or an xop:Include in a plain message), <c>MTOM-BASE64</c> (bad base64).</exception>
        public static long CopyTo(XmlReader reader, MtomMessage? message, Stream destination)
        {
            if (reader is null)
            {
                throw new ArgumentNullException(nameof(reader));
            }

            if (destination is null)
            {
                throw new ArgumentNullException(nameof(destination));
            }

            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                throw new InvalidOperationException("The reader must be positioned on the element holding the content.");
            }

            if (reader.IsEmptyElement)
            {
                reader.Read();
                return 0;
            }

            using XmlReader sub = reader.ReadSubtree();
            sub.Read();
            sub.Read();
            while (sub.NodeType is XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace or XmlNodeType.Comment)
            {
                sub.Read();
            }

            long copied = 0;
            if (sub.NodeType == XmlNodeType.Element && sub.LocalName == "Include" && sub.NamespaceURI == SoapNamespaces.Xop)
            {
                string href = sub.GetAttribute("href") ?? string.Empty;
                if (message is null)
                {
                    throw new MtomFormatException("xop:Include", "MTOM-CID-UNRESOLVED", "an xop:Include can only be resolved inside an MTOM message", href);
                }

                using Stream part = message.ResolveInclude(href).OpenRead();
                part.CopyTo(destination, 81920);
                copied = part.Length;
            }
            else if (sub.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
            {
                var buffer = new byte[48 * 1024];
                try
                {
                    int n;
                    while ((n = sub.ReadContentAsBase64(buffer, 0, buffer.Length)) > 0)
                    {
                        destination.Write(buffer, 0, n);
                        copied += n;
                    }
                }
                catch (FormatException ex)
                {
                    throw new MtomFormatException("base64", "MTOM-BASE64", "inline binary content is not valid base64", null, ex);
                }
                catch (XmlException ex)
                {
                    throw new MtomFormatException("base64", "MTOM-BASE64", "inline binary content is not valid base64", null, ex);
                }
            }

            // Move the outer reader past the element.
            while (sub.Read())
            {
            }

            reader.Read();
            return copied;
        }
    }
}
