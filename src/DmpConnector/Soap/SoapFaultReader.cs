using System;
using System.Collections.Generic;
using System.Text;
using System.Xml;

namespace DmpConnector.Soap
{
    /// <summary>Reads a SOAP 1.2 or 1.1 Fault element (streaming) into a <see cref="SoapFaultException"/>.</summary>
    internal static class SoapFaultReader
    {
        /// <summary>Reads the fault the reader is positioned on.</summary>
        public static SoapFaultException Read(XmlReader reader, SoapVersion version, string? action, Func<string?> raw)
        {
            try
            {
                return version == SoapVersion.Soap12 ? Read12(reader, action, raw) : Read11(reader, action, raw);
            }
            catch (XmlException ex)
            {
                throw new SoapFormatException("Fault", "SOAP-FAULT", "the service answered with a SOAP fault that is not well-formed (" + ex.Message + ")", ex);
            }
        }

        private static SoapFaultException Read12(XmlReader r, string? action, Func<string?> raw)
        {
            XmlQualifiedName code = XmlQualifiedName.Empty;
            var subcodes = new List<XmlQualifiedName>();
            string reason = string.Empty;
            string? detail = null;
            ForEachChild(r, () =>
            {
                switch (r.LocalName)
                {
                    case "Code":
                        ReadCode(r, subcodes, out code);
                        return;
                    case "Reason":
                        ForEachChild(r, () =>
                        {
                            if (r.LocalName == "Text" && reason.Length == 0)
                            {
                                reason = r.ReadElementContentAsString().Trim();
                            }
                            else
                            {
                                r.Skip();
                            }
                        });
                        return;
                    case "Detail":
                        detail = r.ReadInnerXml();
                        return;
                    default:
                        r.Skip();
                        return;
                }
            });
            return new SoapFaultException(SoapVersion.Soap12, code, subcodes, reason, detail, raw(), action);
        }

        private static void ReadCode(XmlReader r, List<XmlQualifiedName> subcodes, out XmlQualifiedName value)
        {
            XmlQualifiedName found = XmlQualifiedName.Empty;
            ForEachChild(r, () =>
            {
                if (r.LocalName == "Value")
                {
                    found = ReadQName(r);
                }
                else if (r.LocalName == "Subcode")
                {
                    ReadCode(r, subcodes, out XmlQualifiedName sub);
                    subcodes.Insert(0, sub);
                }
                else
                {
                    r.Skip();
                }
            });
            value = found;
        }

        private static SoapFaultException Read11(XmlReader r, string? action, Func<string?> raw)
        {
            XmlQualifiedName code = XmlQualifiedName.Empty;
            string reason = string.Empty;
            string? detail = null;
            ForEachChild(r, () =>
            {
                switch (r.LocalName)
                {
                    case "faultcode":
                        code = ReadQName(r);
                        return;
                    case "faultstring":
                        reason = r.ReadElementContentAsString().Trim();
                        return;
                    case "detail":
                        detail = r.ReadInnerXml();
                        return;
                    default:
                        r.Skip();
                        return;
                }
            });
            return new SoapFaultException(SoapVersion.Soap11, code, Array.Empty<XmlQualifiedName>(), reason, detail, raw(), action);
        }

        /// <summary>Calls <paramref name="onChild"/> for each child element (which must consume it), then moves past the end tag.</summary>
        private static void ForEachChild(XmlReader r, Action onChild)
        {
            if (r.IsEmptyElement)
            {
                r.Read();
                return;
            }

            int depth = r.Depth;
            r.Read();
            while (!(r.NodeType == XmlNodeType.EndElement && r.Depth == depth))
            {
                if (r.NodeType == XmlNodeType.Element)
                {
                    onChild();
                }
                else if (!r.Read())
                {
                    throw new XmlException("unexpected end of the fault");
                }
            }

            r.Read();
        }

        /// <summary>Reads an element whose text is a QName, resolving its prefix in the element's own scope.</summary>
        private static XmlQualifiedName ReadQName(XmlReader r)
        {
            if (r.IsEmptyElement)
            {
                r.Read();
                return XmlQualifiedName.Empty;
            }

            var text = new StringBuilder();
            r.Read();
            while (r.NodeType != XmlNodeType.EndElement)
            {
                if (r.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
                {
                    text.Append(r.Value);
                    r.Read();
                }
                else if (r.NodeType == XmlNodeType.Element)
                {
                    r.Skip();
                }
                else
                {
                    r.Read();
                }
            }

            string value = text.ToString().Trim();
            int colon = value.IndexOf(':');
            string prefix = colon > 0 ? value.Substring(0, colon) : string.Empty;
            string local = colon > 0 ? value.Substring(colon + 1) : value;
            string ns = r.LookupNamespace(prefix) ?? string.Empty;
            r.Read();
            return new XmlQualifiedName(local, ns);
        }
    }
}
