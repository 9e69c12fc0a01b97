using System.Linq;

namespace DmpConnector.Xds
{
    /// <summary>The XDS.b messages the SDK reads and writes.</summary>
    public enum XdsMessageKind
    {
        /// <summary>ITI-41 request: metadata and documents.</summary>
        ProvideAndRegisterDocumentSetRequest,

        /// <summary>ITI-42/ITI-57 request: metadata only (the DMP's TD3.3 updates).</summary>
        SubmitObjectsRequest,

        /// <summary>ITI-18 request: a stored query.</summary>
        AdhocQueryRequest,

        /// <summary>ITI-18 response.</summary>
        AdhocQueryResponse,

        /// <summary>Response of ITI-41/42/57.</summary>
        RegistryResponse,

        /// <summary>ITI-43 request.</summary>
        RetrieveDocumentSetRequest,

        /// <summary>ITI-43 response.</summary>
        RetrieveDocumentSetResponse,
    }

    /// <summary>A message read by <see cref="XdsReader"/> or written by <see cref="XdsWriter"/>.</summary>
    public interface IXdsMessage
    {
        /// <summary>Which message this is.</summary>
        XdsMessageKind Kind { get; }
    }

    /// <summary>
    /// The content of an ebRIM RegistryObjectList: submission sets, document entries, folders, associations and, in
    /// ObjectRef query results, bare object references. Written back in this order.
    /// </summary>
    public sealed record XdsMetadata
    {
        /// <summary>The empty metadata.</summary>
        public static XdsMetadata Empty { get; } = new();

        /// <summary>Submission sets (one per submission in the DMP).</summary>
        public EquatableList<SubmissionSet> SubmissionSets { get; init; } = EquatableList<SubmissionSet>.Empty;

        /// <summary>Document entries.</summary>
        public EquatableList<DocumentEntry> DocumentEntries { get; init; } = EquatableList<DocumentEntry>.Empty;

        /// <summary>Folders.</summary>
        public EquatableList<Folder> Folders { get; init; } = EquatableList<Folder>.Empty;

        /// <summary>Associations.</summary>
        public EquatableList<Association> Associations { get; init; } = EquatableList<Association>.Empty;

        /// <summary>ObjectRef ids (ObjectRef query results, or references to existing objects).</summary>
        public EquatableList<string> ObjectRefs { get; init; } = EquatableList<string>.Empty;

        /// <summary>Stand-alone classifications of the list that classify nothing the model knows, kept on a round trip.</summary>
        public EquatableList<Classification> ExtraClassifications { get; init; } = EquatableList<Classification>.Empty;

        /// <summary>The number of objects of every kind.</summary>
        public int Count => SubmissionSets.Count + DocumentEntries.Count + Folders.Count + Associations.Count + ObjectRefs.Count;

        /// <summary>The object with this id, or null.</summary>
        /// <param name="id">The id.</param>
        /// <returns>The object.</returns>
        public IXdsObject? Find(string id) =>
            (IXdsObject?)SubmissionSets.FirstOrDefault(o => o.Id == id)
            ?? (IXdsObject?)DocumentEntries.FirstOrDefault(o => o.Id == id)
            ?? (IXdsObject?)Folders.FirstOrDefault(o => o.Id == id)
            ?? Associations.FirstOrDefault(o => o.Id == id);
    }

    /// <summary>
    /// A document carried next to the metadata (the <c>Document</c> element of ITI-41 and ITI-43): an MTOM/XOP
    /// attachment referenced by content id, or inline base64 that the reader decoded into the caller's stream.
    /// The bytes themselves are never held by the model.
    /// </summary>
    public sealed record DocumentAttachment
    {
        /// <summary>The Document element's id: the entryUUID (ExtrinsicObject id) of its DocumentEntry in ITI-41; null in ITI-43.</summary>
        public string? DocumentId { get; init; }

        /// <summary>The MIME Content-ID of the attachment (decoded, without <c>cid:</c> or angle brackets), or null when inline.</summary>
        public string? ContentId { get; init; }

        /// <summary>True when the bytes were inline base64 in the XML (not an attachment).</summary>
        public bool IsInline { get; init; }

        /// <summary>The number of decoded bytes when inline and read, or null.</summary>
        public long? InlineLength { get; init; }

        /// <summary>An attachment referenced by content id (what the writer emits as <c>xop:Include</c>).</summary>
        /// <param name="documentId">The document entry id, or null in ITI-43.</param>
        /// <param name="contentId">The MIME Content-ID.</param>
        /// <returns>The attachment.</returns>
        public static DocumentAttachment Xop(string? documentId, string contentId) => new() { DocumentId = documentId, ContentId = contentId };
    }

    /// <summary>ITI-41 Provide and Register Document Set-b request (DMP TD2.1).</summary>
    public sealed record ProvideAndRegisterDocumentSetRequest : IXdsMessage
    {
        /// <summary>Which message this is.</summary>
        public XdsMessageKind Kind => XdsMessageKind.ProvideAndRegisterDocumentSetRequest;

        /// <summary>The metadata (the inner SubmitObjectsRequest).</summary>
        public XdsMetadata Metadata { get; init; } = XdsMetadata.Empty;

        /// <summary>The documents, in order.</summary>
        public EquatableList<DocumentAttachment> Documents { get; init; } = EquatableList<DocumentAttachment>.Empty;

        /// <summary>
        /// The attachment of a document entry: exact id match first, then (as the official TD2.1 example needs: its
        /// <c>Document id="documentME2"</c> belongs to <c>ExtrinsicObject id="DocumentME2"</c>) a case-insensitive one.
        /// </summary>
        /// <param name="entry">The entry.</param>
        /// <returns>The attachment, or null.</returns>
        public DocumentAttachment? FindAttachment(DocumentEntry entry) =>
            Documents.FirstOrDefault(d => d.DocumentId == entry?.Id)
            ?? Documents.FirstOrDefault(d => string.Equals(d.DocumentId, entry?.Id, System.StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>lcm:SubmitObjectsRequest (ITI-57 Update Document Set: the DMP's TD3.3 archive, delete, mask).</summary>
    public sealed record SubmitObjectsRequest : IXdsMessage
    {
        /// <summary>Which message this is.</summary>
        public XdsMessageKind Kind => XdsMessageKind.SubmitObjectsRequest;

        /// <summary>The metadata.</summary>
        public XdsMetadata Metadata { get; init; } = XdsMetadata.Empty;
    }

    /// <summary>A stored query parameter: a slot name and its values in the ITI-18 syntax (<c>'a'</c> or <c>('a','b')</c>).</summary>
    public sealed record QueryParameter
    {
        /// <summary>Creates a parameter.</summary>
        /// <param name="name">The name, e.g. <c>$XDSDocumentEntryPatientId</c>.</param>
        /// <param name="values">The values as written on the wire (quoted), in order.</param>
        public QueryParameter(string name, params string[] values)
        {
            Name = name;
            Values = values;
        }

        /// <summary>The parameter name.</summary>
        public string Name { get; init; }

        /// <summary>The raw values (one Value element each; several mean AND for code parameters).</summary>
        public EquatableList<string> Values { get; init; }
    }

    /// <summary>ITI-18 Registry Stored Query request (DMP TD3.1). Build with <see cref="StoredQueries"/>.</summary>
    public sealed record AdhocQueryRequest : IXdsMessage
    {
        /// <summary>LeafClass: full objects.</summary>
        public const string LeafClass = "LeafClass";

        /// <summary>ObjectRef: ids only.</summary>
        public const string ObjectRef = "ObjectRef";

        /// <summary>Which message this is.</summary>
        public XdsMessageKind Kind => XdsMessageKind.AdhocQueryRequest;

        /// <summary>The stored query id (<c>urn:uuid:…</c>, see <see cref="StoredQueryIds"/>).</summary>
        public string QueryId { get; init; } = string.Empty;

        /// <summary>returnType: <see cref="LeafClass"/> (default) or <see cref="ObjectRef"/>.</summary>
        public string ReturnType { get; init; } = LeafClass;

        /// <summary>returnComposedObjects (true in the DMP examples).</summary>
        public bool ReturnComposedObjects { get; init; } = true;

        /// <summary>The AdhocQuery's home attribute (homeCommunityId), or null.</summary>
        public string? Home { get; init; }

        /// <summary>The parameters, in order.</summary>
        public EquatableList<QueryParameter> Parameters { get; init; } = EquatableList<QueryParameter>.Empty;
    }

    /// <summary>An rs:RegistryError.</summary>
    public sealed record RegistryError
    {
        /// <summary>errorCode, e.g. <c>XDSRegistryMetadataError</c>.</summary>
        public string ErrorCode { get; init; } = string.Empty;

        /// <summary>codeContext: the explanation given by the registry.</summary>
        public string? CodeContext { get; init; }

        /// <summary>location, or null.</summary>
        public string? Location { get; init; }

        /// <summary>severity URN (<see cref="XdsResponseStatus.SeverityError"/> or warning).</summary>
        public string Severity { get; init; } = XdsResponseStatus.SeverityError;

        /// <summary>The element's text content, or null.</summary>
        public string? Value { get; init; }

        /// <summary>True when the severity is a warning.</summary>
        public bool IsWarning => Severity.EndsWith(":Warning", System.StringComparison.Ordinal);
    }

    /// <summary>rs:RegistryResponse: status and errors (response of ITI-41, ITI-42, ITI-57).</summary>
    public sealed record RegistryResponse : IXdsMessage
    {
        /// <summary>Which message this is.</summary>
        public XdsMessageKind Kind => XdsMessageKind.RegistryResponse;

        /// <summary>The status URN (<see cref="XdsResponseStatus"/>).</summary>
        public string Status { get; init; } = XdsResponseStatus.Success;

        /// <summary>The requestId attribute, or null.</summary>
        public string? RequestId { get; init; }

        /// <summary>The errors and warnings, in order.</summary>
        public EquatableList<RegistryError> Errors { get; init; } = EquatableList<RegistryError>.Empty;

        /// <summary>True when the status is Success.</summary>
        public bool IsSuccess => Status == XdsResponseStatus.Success;
    }

    /// <summary>ITI-18 response: status, errors and the objects found.</summary>
    public sealed record AdhocQueryResponse : IXdsMessage
    {
        /// <summary>Which message this is.</summary>
        public XdsMessageKind Kind => XdsMessageKind.AdhocQueryResponse;

        /// <summary>The status URN.</summary>
        public string Status { get; init; } = XdsResponseStatus.Success;

        /// <summary>The requestId attribute, or null.</summary>
        public string? RequestId { get; init; }

        /// <summary>startIndex, or null.</summary>
        public long? StartIndex { get; init; }

        /// <summary>totalResultCount, or null.</summary>
        public long? TotalResultCount { get; init; }

        /// <summary>The errors and warnings.</summary>
        public EquatableList<RegistryError> Errors { get; init; } = EquatableList<RegistryError>.Empty;

        /// <summary>The objects found.</summary>
        public XdsMetadata Metadata { get; init; } = XdsMetadata.Empty;
    }

    /// <summary>One document asked for in ITI-43.</summary>
    public sealed record DocumentRequest
    {
        /// <summary>homeCommunityId, or null.</summary>
        public string? HomeCommunityId { get; init; }

        /// <summary>repositoryUniqueId (from the DocumentEntry).</summary>
        public string RepositoryUniqueId { get; init; } = string.Empty;

        /// <summary>The document's uniqueId (not its entryUUID: that gives XDSDocumentUniqueIdError).</summary>
        public string DocumentUniqueId { get; init; } = string.Empty;
    }

    /// <summary>ITI-43 Retrieve Document Set request (DMP TD3.2).</summary>
    public sealed record RetrieveDocumentSetRequest : IXdsMessage
    {
        /// <summary>Which message this is.</summary>
        public XdsMessageKind Kind => XdsMessageKind.RetrieveDocumentSetRequest;

        /// <summary>The documents asked for.</summary>
        public EquatableList<DocumentRequest> Documents { get; init; } = EquatableList<DocumentRequest>.Empty;
    }

    /// <summary>One document returned by ITI-43.</summary>
    public sealed record DocumentResponse
    {
        /// <summary>homeCommunityId, or null.</summary>
        public string? HomeCommunityId { get; init; }

        /// <summary>repositoryUniqueId.</summary>
        public string RepositoryUniqueId { get; init; } = string.Empty;

        /// <summary>The document's uniqueId.</summary>
        public string DocumentUniqueId { get; init; } = string.Empty;

        /// <summary>newRepositoryUniqueId (on-demand), or null.</summary>
        public string? NewRepositoryUniqueId { get; init; }

        /// <summary>newDocumentUniqueId (on-demand), or null.</summary>
        public string? NewDocumentUniqueId { get; init; }

        /// <summary>mimeType.</summary>
        public string MimeType { get; init; } = string.Empty;

        /// <summary>The document: an attachment reference or inline bytes.</summary>
        public DocumentAttachment Document { get; init; } = new();
    }

    /// <summary>ITI-43 Retrieve Document Set response.</summary>
    public sealed record RetrieveDocumentSetResponse : IXdsMessage
    {
        /// <summary>Which message this is.</summary>
        public XdsMessageKind Kind => XdsMessageKind.RetrieveDocumentSetResponse;

        /// <summary>The status and errors.</summary>
        public RegistryResponse Response { get; init; } = new();

        /// <summary>The documents returned.</summary>
        public EquatableList<DocumentResponse> Documents { get; init; } = EquatableList<DocumentResponse>.Empty;
    }
}
