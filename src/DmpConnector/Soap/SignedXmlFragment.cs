using System;
using System.IO;
using System.Text;
using System.Xml;
using DmpConnector.Internal;

namespace DmpConnector.Soap
{
    /// <summary>
    /// An already-signed XML element (the VIHF <c>saml2:Assertion</c>) to put in the <c>wsse:Security</c> header. Its
    /// characters are written into the envelope exactly as given — no re-serialisation, no change of whitespace,
    /// prefixes, attribute order or quoting — so its signature survives.
    /// </summary>
    /// <remarks>
    /// The fragment must be one well-formed element that declares every namespace prefix it uses (a signed assertion
    /// loaded as its own document is). A leading byte-order mark and XML declaration are removed, since neither may
    /// appear inside an envelope; nothing else is touched.
    /// </remarks>
    public sealed class SignedXmlFragment
    {
        private SignedXmlFragment(string xml) => Xml = xml;

        /// <summary>The element's text, exactly as it is written into the envelope.</summary>
        public string Xml { get; }

        /// <summary>Takes the element from its UTF-8 bytes (e.g. the bytes the signer produced).</summary>
        /// <param name="utf8">The UTF-8 bytes of the element, optionally preceded by a BOM and an XML declaration.</param>
        /// <returns>The fragment.</returns>
        /// <exception cref="SoapFormatException">Rule <c>SOAP-SECURITY-FRAGMENT</c>: not UTF-8, or not one well-formed element.</exception>
        public static SignedXmlFragment FromUtf8(byte[] utf8)
        {
            if (utf8 is null)
            {
                throw new ArgumentNullException(nameof(utf8));
            }

            string text;
            try
            {
                text = new UTF8Encoding(false, true).GetString(utf8);
            }
            catch (DecoderFallbackException ex)
            {
                throw new SoapFormatException("wsse:Security", "SOAP-SECURITY-FRAGMENT", "the signed element must be UTF-8 encoded; convert it before signing, since converting it after would be a change of bytes the DMP checks", ex);
            }

            return FromString(text);
        }

        /// <summary>Takes the element from its text (e.g. <see cref="XmlNode.OuterXml"/> of the signed DOM element).</summary>
        /// <param name="xml">The element's text, optionally preceded by an XML declaration.</param>
        /// <returns>The fragment.</returns>
        /// <exception cref="SoapFormatException">Rule <c>SOAP-SECURITY-FRAGMENT</c>: not one well-formed element.</exception>
        public static SignedXmlFragment FromString(string xml)
        {
            if (xml is null)
            {
                throw new ArgumentNullException(nameof(xml));
            }

            string body = StripProlog(xml);
            Validate(body);
            return new SignedXmlFragment(body);
        }

        /// <summary>Takes a signed DOM element, through its <see cref="XmlNode.OuterXml"/> (load it with whitespace preserved).</summary>
        /// <param name="element">The signed element.</param>
        /// <returns>The fragment.</returns>
        public static SignedXmlFragment FromElement(XmlElement element)
        {
            if (element is null)
            {
                throw new ArgumentNullException(nameof(element));
            }

            return FromString(element.OuterXml);
        }

        private static string StripProlog(string xml)
        {
            int i = 0;
            if (xml.Length > 0 && xml[0] == '\uFEFF')
            {
                i = 1;
            }

            if (string.CompareOrdinal(xml, i, "<?xml", 0, 5) == 0)
            {
                int end = xml.IndexOf("?>", i, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw Invalid("the XML declaration is not closed", null);
                }

                i = end + 2;
                while (i < xml.Length && (xml[i] is ' ' or '\t' or '\r' or '\n'))
                {
                    i++;
                }
            }

            return i == 0 ? xml : xml.Substring(i);
        }

        private static void Validate(string body)
        {
            if (body.Length == 0 || body[0] != '<')
            {
                throw Invalid("it must start with the element's start tag", null);
            }

            try
            {
                var settings = SafeXml.ReaderSettings();
                settings.ConformanceLevel = ConformanceLevel.Document;
                using var text = new StringReader(body);
                using var reader = XmlReader.Create(text, settings);
                int elements = 0;
                while (reader.Read())
                {
                    if (reader.NodeType == XmlNodeType.Element && reader.Depth == 0)
                    {
                        elements++;
                    }
                }

                if (elements != 1)
                {
                    throw Invalid("it must be exactly one element", null);
                }
            }
            catch (XmlException ex)
            {
                throw Invalid("it is not well-formed XML on its own (" + ex.Message + ")", ex);
            }
        }

        private static SoapFormatException Invalid(string why, Exception? inner) =>
            new("wsse:Security", "SOAP-SECURITY-FRAGMENT", "the signed element for the security header is unusable: " + why, inner);
    }
}
