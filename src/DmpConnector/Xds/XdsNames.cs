namespace DmpConnector.Xds
{
    /// <summary>The XML namespaces of ebRIM/ebRS 3.0, XDS.b, XOP and SOAP.</summary>
    public static class XdsNamespaces
    {
        /// <summary>ebRIM 3.0.</summary>
        public const string Rim = "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0";

        /// <summary>ebRS 3.0 registry service (RegistryResponse).</summary>
        public const string Rs = "urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0";

        /// <summary>ebRS 3.0 life cycle management (SubmitObjectsRequest).</summary>
        public const string Lcm = "urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0";

        /// <summary>ebRS 3.0 query (AdhocQueryRequest/Response).</summary>
        public const string Query = "urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0";

        /// <summary>IHE XDS.b (ProvideAndRegister, Retrieve).</summary>
        public const string XdsB = "urn:ihe:iti:xds-b:2007";

        /// <summary>XOP include.</summary>
        public const string Xop = "http://www.w3.org/2004/08/xop/include";

        /// <summary>SOAP 1.1 envelope.</summary>
        public const string Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";

        /// <summary>SOAP 1.2 envelope.</summary>
        public const string Soap12 = "http://www.w3.org/2003/05/soap-envelope";
    }

    /// <summary>Content-ID ↔ <c>cid:</c> URL (RFC 2392): the href is URL-encoded, the MIME header is not.</summary>
    public static class XopReference
    {
        /// <summary>The <c>xop:Include</c> href for a content id, e.g. <c>a@urn:ihe</c> → <c>cid:a@urn%3Aihe</c>.</summary>
        /// <param name="contentId">The Content-ID, with or without angle brackets.</param>
        /// <returns>The href.</returns>
        public static string ToHref(string contentId)
        {
            if (string.IsNullOrEmpty(contentId))
            {
                throw new XdsFormatException("contentId", XdsRules.WriteRequired, "An attachment needs a content id.", contentId, valueIsSensitive: false);
            }

            string bare = contentId.Length > 1 && contentId[0] == '<' && contentId[contentId.Length - 1] == '>' ? contentId.Substring(1, contentId.Length - 2) : contentId;
            return "cid:" + System.Uri.EscapeDataString(bare).Replace("%40", "@");
        }

        /// <summary>The content id of an href: <c>cid:</c> removed and percent-decoding undone; other URLs are returned unchanged.</summary>
        /// <param name="href">The href.</param>
        /// <returns>The content id.</returns>
        public static string FromHref(string href)
        {
            if (href is null)
            {
                throw new System.ArgumentNullException(nameof(href));
            }

            return href.StartsWith("cid:", System.StringComparison.OrdinalIgnoreCase) ? System.Uri.UnescapeDataString(href.Substring(4)) : href;
        }
    }
}
