using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Schema;

namespace DmpConnector.Tests.Support
{
    /// <summary>
    /// The structure of an XML document with the values left out: elements (namespace and local name) in document
    /// order, their attributes in order (namespace declarations aside), and the <c>Name</c> of SAML attributes (a name,
    /// not a value). Two documents of the same shape differ only by values and prefixes.
    /// </summary>
    internal static class XmlShape
    {
        private const string XmlDsig = "http://www.w3.org/2000/09/xmldsig#";

        public static string Of(XmlElement root, bool skipSignature = true)
        {
            var text = new StringBuilder();
            Write(root, 0, text, skipSignature);
            return text.ToString();
        }

        private static void Write(XmlElement element, int depth, StringBuilder text, bool skipSignature)
        {
            if (skipSignature && element.LocalName == "Signature" && element.NamespaceURI == XmlDsig && depth > 0)
            {
                return;
            }

            text.Append(' ', depth * 2).Append('{').Append(element.NamespaceURI).Append('}').Append(element.LocalName);
            foreach (XmlAttribute attribute in element.Attributes)
            {
                if (attribute.Prefix == "xmlns" || (attribute.Prefix.Length == 0 && attribute.LocalName == "xmlns"))
                {
                    continue;
                }

                text.Append(" @").Append(attribute.NamespaceURI.Length == 0 ? string.Empty : "{" + attribute.NamespaceURI + "}").Append(attribute.LocalName);
                if (element.LocalName == "Attribute" && attribute.LocalName == "Name")
                {
                    text.Append("=\"").Append(attribute.Value).Append('"');
                }
            }

            text.Append('\n');
            foreach (XmlNode child in element.ChildNodes)
            {
                if (child is XmlElement e)
                {
                    Write(e, depth + 1, text, skipSignature);
                }
            }
        }

        /// <summary>Validates against the SAML 2.0 assertion schema copied in TestData; returns the errors (empty when valid).</summary>
        public static IReadOnlyList<string> ValidateSaml(string xml) => Validate(
            xml,
            "urn:oasis:names:tc:SAML:2.0:assertion",
            Path.Combine("schemas", "saml-wss", "SAML", "saml-schema-assertion-2.0.xsd"),
            set =>
            {
                set.Add("http://www.w3.org/2001/10/xml-exc-c14n#", Path.Combine(AppContext.BaseDirectory, "TestData", "fixtures", "signatures", "exc-c14n.xsd"));
                return set;
            });

        public static IReadOnlyList<string> Validate(string xml, string targetNamespace, string relativeSchemaPath, Func<XmlSchemaSet, XmlSchemaSet>? extra = null)
        {
            var errors = new List<string>();
            var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
            schemas.Add(targetNamespace, Path.Combine(AppContext.BaseDirectory, "TestData", relativeSchemaPath));
            extra?.Invoke(schemas);
            schemas.Compile();
            var settings = new XmlReaderSettings
            {
                ValidationType = ValidationType.Schema,
                Schemas = schemas,
                DtdProcessing = DtdProcessing.Prohibit,
                ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
            };
            settings.ValidationEventHandler += (_, e) =>
            {
                if (e.Severity == XmlSeverityType.Error)
                {
                    errors.Add(e.Message);
                }
            };
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            while (reader.Read())
            {
            }

            return errors;
        }

        public static string Lines(string shape) => string.Join("\n", shape.Split('\n').Where(l => l.Length > 0));
    }
}
