using System;
using System.Collections.Generic;
using System.Xml;

namespace DmpConnector.Security
{
    /// <summary>Id attributes as signature references see them: <c>ID</c> (SAML), <c>Id</c>, <c>id</c>, <c>wsu:Id</c>, <c>xml:id</c>.</summary>
    internal static class XmlIds
    {
        private const string WsuNamespace = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
        private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

        public static bool IsIdAttribute(XmlAttribute attribute)
        {
            string ns = attribute.NamespaceURI;
            string name = attribute.LocalName;
            if (ns.Length == 0)
            {
                return name is "ID" or "Id" or "id";
            }

            return (ns == WsuNamespace && name == "Id") || (ns == XmlNamespace && name == "id");
        }

        /// <summary>
        /// Throws when two elements of the document carry the same id value under any of the id attribute names: a
        /// reference must resolve to exactly one element (the defence against signature wrapping, pitfall 10).
        /// </summary>
        public static void EnsureUnique(XmlDocument document)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            Walk(document.DocumentElement, seen);
        }

        /// <summary>Counts the elements whose id (any id attribute) equals <paramref name="id"/>.</summary>
        public static int Count(XmlDocument document, string id)
        {
            int count = 0;
            foreach (XmlElement element in Elements(document.DocumentElement))
            {
                foreach (XmlAttribute attribute in element.Attributes)
                {
                    if (IsIdAttribute(attribute) && attribute.Value == id)
                    {
                        count++;
                    }
                }
            }

            return count;
        }

        private static void Walk(XmlElement? root, HashSet<string> seen)
        {
            foreach (XmlElement element in Elements(root))
            {
                foreach (XmlAttribute attribute in element.Attributes)
                {
                    if (IsIdAttribute(attribute) && !seen.Add(attribute.Value))
                    {
                        throw new SignatureVerificationException(SignatureRules.DuplicateId, $"two elements carry the id '{Shorten(attribute.Value)}'; a signed reference must resolve to exactly one element");
                    }
                }
            }
        }

        internal static IEnumerable<XmlElement> Elements(XmlElement? root)
        {
            if (root is null)
            {
                yield break;
            }

            var stack = new Stack<XmlElement>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                XmlElement current = stack.Pop();
                yield return current;
                for (XmlNode? child = current.LastChild; child is not null; child = child.PreviousSibling)
                {
                    if (child is XmlElement e)
                    {
                        stack.Push(e);
                    }
                }
            }
        }

        internal static string Shorten(string value) => value.Length <= 80 ? value : value.Substring(0, 80) + "…";
    }
}
