namespace DmpConnector.Soap
{
    /// <summary>An <c>xop:Include</c> found in a root part, and the part it points to.</summary>
    public sealed class XopInclude
    {
        internal XopInclude(string href, string contentId, MtomPart? part)
        {
            Href = href;
            ContentId = contentId;
            Part = part;
        }

        /// <summary>The <c>href</c> as written, e.g. <c>cid:abc@urn%3Aihe%3Aiti%3Axds-b%3A2007</c>.</summary>
        public string Href { get; }

        /// <summary>The decoded content id it refers to, e.g. <c>abc@urn:ihe:iti:xds-b:2007</c>.</summary>
        public string ContentId { get; }

        /// <summary>The part it resolves to, or null when no part has that content id.</summary>
        public MtomPart? Part { get; }
    }
}
