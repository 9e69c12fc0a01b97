using DmpConnector.Identity;

namespace DmpConnector.Xds
{
    /// <summary>
    /// An XDS DocumentEntry (ebRIM ExtrinsicObject): the metadata of one document, with every ITI TF-3 attribute the
    /// DMP uses. Immutable: build with an object initializer, change with <c>with</c>.
    /// </summary>
    /// <remarks>
    /// Coded attributes are <see cref="CodedValue"/> (code = nodeRepresentation, code system = the <c>codingScheme</c>
    /// slot, display = the Name). Times are XDS DTM text in UTC (<c>yyyyMMddHHmmss</c>, shorter precisions allowed
    /// when reading); build them with <see cref="XdsTime.Format"/>. Person, organisation and patient values are HL7 v2
    /// text as on the wire (XCN, XON, CX): the validation profiles check their format. The document bytes are not part
    /// of the entry: in ITI-41 they travel as a <see cref="DocumentAttachment"/> whose id is the entry's <see cref="Id"/>.
    /// </remarks>
    public sealed record DocumentEntry : IXdsObject
    {
        /// <summary>
        /// The object's id (entryUUID): <c>urn:uuid:…</c> in the registry, or a symbolic id (e.g. <c>Document01</c>)
        /// in a submission, which the registry replaces.
        /// </summary>
        public string Id { get; init; } = string.Empty;

        /// <summary>The logical id (<c>lid</c>) shared by all versions, or null.</summary>
        public string? LogicalId { get; init; }

        /// <summary>The version (<c>VersionInfo/@versionName</c>), or null.</summary>
        public string? Version { get; init; }

        /// <summary>The availability status URN (<see cref="XdsAvailabilityStatus"/>), or null.</summary>
        public string? AvailabilityStatus { get; init; }

        /// <summary>The <c>home</c> attribute (homeCommunityId), or null.</summary>
        public string? Home { get; init; }

        /// <summary>Slots the typed model does not name, in the order read.</summary>
        public EquatableList<Slot> ExtraSlots { get; init; } = EquatableList<Slot>.Empty;

        /// <summary>Classifications the typed model does not name, in the order read.</summary>
        public EquatableList<Classification> ExtraClassifications { get; init; } = EquatableList<Classification>.Empty;

        /// <summary>External identifiers the typed model does not name, in the order read.</summary>
        public EquatableList<ExternalIdentifier> ExtraExternalIdentifiers { get; init; } = EquatableList<ExternalIdentifier>.Empty;

        /// <summary>objectType: stable (<see cref="XdsUuids.StableDocumentEntry"/>, the default) or on-demand.</summary>
        public string ObjectType { get; init; } = XdsUuids.StableDocumentEntry;

        /// <summary>mimeType, e.g. <c>text/xml</c> for a CDA.</summary>
        public string? MimeType { get; init; }

        /// <summary>The isOpaque attribute some registries return, or null.</summary>
        public bool? IsOpaque { get; init; }

        /// <summary>title (ebRIM Name).</summary>
        public string? Title { get; init; }

        /// <summary>comments (ebRIM Description).</summary>
        public string? Comments { get; init; }

        /// <summary>uniqueId (OID, or OID^extension): the id ITI-43 retrieves by.</summary>
        public string? UniqueId { get; init; }

        /// <summary>patientId (CX), the INS in the DMP, e.g. <c>…^^^&amp;1.2.250.1.213.1.4.8&amp;ISO^NH</c>. Patient data.</summary>
        public string? PatientId { get; init; }

        /// <summary>sourcePatientId (CX): the local patient id (<c>^PI</c>) or the INS. Patient data.</summary>
        public string? SourcePatientId { get; init; }

        /// <summary>sourcePatientInfo values (<c>PID-5|…</c>, <c>PID-7|…</c>, <c>PID-8|…</c>). Patient data.</summary>
        public EquatableList<string> SourcePatientInfo { get; init; } = EquatableList<string>.Empty;

        /// <summary>classCode (JDV_J57 in the DMP).</summary>
        public CodedValue? ClassCode { get; init; }

        /// <summary>typeCode (LOINC or TRE_A05).</summary>
        public CodedValue? TypeCode { get; init; }

        /// <summary>formatCode (JDV_J60).</summary>
        public CodedValue? FormatCode { get; init; }

        /// <summary>healthcareFacilityTypeCode (TRE_R02).</summary>
        public CodedValue? HealthcareFacilityTypeCode { get; init; }

        /// <summary>practiceSettingCode.</summary>
        public CodedValue? PracticeSettingCode { get; init; }

        /// <summary>confidentialityCode values (1 to 4 in the DMP: <c>N</c> and the visibility codes).</summary>
        public EquatableList<CodedValue> ConfidentialityCodes { get; init; } = EquatableList<CodedValue>.Empty;

        /// <summary>eventCodeList values.</summary>
        public EquatableList<CodedValue> EventCodes { get; init; } = EquatableList<CodedValue>.Empty;

        /// <summary>Authors, in order.</summary>
        public EquatableList<Author> Authors { get; init; } = EquatableList<Author>.Empty;

        /// <summary>legalAuthenticator (XCN).</summary>
        public string? LegalAuthenticator { get; init; }

        /// <summary>creationTime (DTM, UTC).</summary>
        public string? CreationTime { get; init; }

        /// <summary>serviceStartTime (DTM, UTC).</summary>
        public string? ServiceStartTime { get; init; }

        /// <summary>serviceStopTime (DTM, UTC).</summary>
        public string? ServiceStopTime { get; init; }

        /// <summary>languageCode, e.g. <c>fr-FR</c> (<c>art</c> for the signature document).</summary>
        public string? LanguageCode { get; init; }

        /// <summary>hash: SHA-1 of the document bytes, lower-case hex (set by the repository; may be sent).</summary>
        public string? Hash { get; init; }

        /// <summary>size of the document in bytes (set by the repository; may be sent).</summary>
        public long? Size { get; init; }

        /// <summary>repositoryUniqueId (set by the repository; needed by ITI-43).</summary>
        public string? RepositoryUniqueId { get; init; }

        /// <summary>referenceIdList values (CXi).</summary>
        public EquatableList<string> ReferenceIds { get; init; } = EquatableList<string>.Empty;
    }

    /// <summary>An XDS SubmissionSet (ebRIM RegistryPackage classified as a submission set).</summary>
    public sealed record SubmissionSet : IXdsObject
    {
        /// <summary>
        /// The object's id (entryUUID): <c>urn:uuid:…</c> in the registry, or a symbolic id (e.g. <c>Document01</c>)
        /// in a submission, which the registry replaces.
        /// </summary>
        public string Id { get; init; } = string.Empty;

        /// <summary>The logical id (<c>lid</c>) shared by all versions, or null.</summary>
        public string? LogicalId { get; init; }

        /// <summary>The version (<c>VersionInfo/@versionName</c>), or null.</summary>
        public string? Version { get; init; }

        /// <summary>The availability status URN (<see cref="XdsAvailabilityStatus"/>), or null.</summary>
        public string? AvailabilityStatus { get; init; }

        /// <summary>The <c>home</c> attribute (homeCommunityId), or null.</summary>
        public string? Home { get; init; }

        /// <summary>Slots the typed model does not name, in the order read.</summary>
        public EquatableList<Slot> ExtraSlots { get; init; } = EquatableList<Slot>.Empty;

        /// <summary>Classifications the typed model does not name, in the order read.</summary>
        public EquatableList<Classification> ExtraClassifications { get; init; } = EquatableList<Classification>.Empty;

        /// <summary>External identifiers the typed model does not name, in the order read.</summary>
        public EquatableList<ExternalIdentifier> ExtraExternalIdentifiers { get; init; } = EquatableList<ExternalIdentifier>.Empty;

        /// <summary>title (ebRIM Name).</summary>
        public string? Title { get; init; }

        /// <summary>comments (ebRIM Description).</summary>
        public string? Comments { get; init; }

        /// <summary>uniqueId (OID).</summary>
        public string? UniqueId { get; init; }

        /// <summary>sourceId (OID of the sending system).</summary>
        public string? SourceId { get; init; }

        /// <summary>patientId (CX). Patient data.</summary>
        public string? PatientId { get; init; }

        /// <summary>submissionTime (DTM, UTC).</summary>
        public string? SubmissionTime { get; init; }

        /// <summary>contentTypeCode (JDV_J59).</summary>
        public CodedValue? ContentTypeCode { get; init; }

        /// <summary>Authors, in order.</summary>
        public EquatableList<Author> Authors { get; init; } = EquatableList<Author>.Empty;

        /// <summary>intendedRecipient values (not used by the DMP).</summary>
        public EquatableList<string> IntendedRecipients { get; init; } = EquatableList<string>.Empty;
    }

    /// <summary>An XDS Folder (ebRIM RegistryPackage classified as a folder).</summary>
    public sealed record Folder : IXdsObject
    {
        /// <summary>
        /// The object's id (entryUUID): <c>urn:uuid:…</c> in the registry, or a symbolic id (e.g. <c>Document01</c>)
        /// in a submission, which the registry replaces.
        /// </summary>
        public string Id { get; init; } = string.Empty;

        /// <summary>The logical id (<c>lid</c>) shared by all versions, or null.</summary>
        public string? LogicalId { get; init; }

        /// <summary>The version (<c>VersionInfo/@versionName</c>), or null.</summary>
        public string? Version { get; init; }

        /// <summary>The availability status URN (<see cref="XdsAvailabilityStatus"/>), or null.</summary>
        public string? AvailabilityStatus { get; init; }

        /// <summary>The <c>home</c> attribute (homeCommunityId), or null.</summary>
        public string? Home { get; init; }

        /// <summary>Slots the typed model does not name, in the order read.</summary>
        public EquatableList<Slot> ExtraSlots { get; init; } = EquatableList<Slot>.Empty;

        /// <summary>Classifications the typed model does not name, in the order read.</summary>
        public EquatableList<Classification> ExtraClassifications { get; init; } = EquatableList<Classification>.Empty;

        /// <summary>External identifiers the typed model does not name, in the order read.</summary>
        public EquatableList<ExternalIdentifier> ExtraExternalIdentifiers { get; init; } = EquatableList<ExternalIdentifier>.Empty;

        /// <summary>title (ebRIM Name).</summary>
        public string? Title { get; init; }

        /// <summary>comments (ebRIM Description).</summary>
        public string? Comments { get; init; }

        /// <summary>uniqueId (OID).</summary>
        public string? UniqueId { get; init; }

        /// <summary>patientId (CX). Patient data.</summary>
        public string? PatientId { get; init; }

        /// <summary>lastUpdateTime (DTM, UTC; set by the registry).</summary>
        public string? LastUpdateTime { get; init; }

        /// <summary>codeList values.</summary>
        public EquatableList<CodedValue> Codes { get; init; } = EquatableList<CodedValue>.Empty;
    }

    /// <summary>
    /// An ebRIM Association between two objects (by id): HasMember, RPLC, XFRM, APND, XFRM_RPLC, signs,
    /// UpdateAvailabilityStatus (see <see cref="XdsAssociationTypes"/>), with the IHE slots typed.
    /// </summary>
    public sealed record Association : IXdsObject
    {
        /// <summary>
        /// The object's id (entryUUID): <c>urn:uuid:…</c> in the registry, or a symbolic id (e.g. <c>Document01</c>)
        /// in a submission, which the registry replaces.
        /// </summary>
        public string Id { get; init; } = string.Empty;

        /// <summary>The logical id (<c>lid</c>) shared by all versions, or null.</summary>
        public string? LogicalId { get; init; }

        /// <summary>The version (<c>VersionInfo/@versionName</c>), or null.</summary>
        public string? Version { get; init; }

        /// <summary>The availability status URN (<see cref="XdsAvailabilityStatus"/>), or null.</summary>
        public string? AvailabilityStatus { get; init; }

        /// <summary>The <c>home</c> attribute (homeCommunityId), or null.</summary>
        public string? Home { get; init; }

        /// <summary>Slots the typed model does not name, in the order read.</summary>
        public EquatableList<Slot> ExtraSlots { get; init; } = EquatableList<Slot>.Empty;

        /// <summary>Classifications the typed model does not name, in the order read.</summary>
        public EquatableList<Classification> ExtraClassifications { get; init; } = EquatableList<Classification>.Empty;

        /// <summary>External identifiers the typed model does not name, in the order read.</summary>
        public EquatableList<ExternalIdentifier> ExtraExternalIdentifiers { get; init; } = EquatableList<ExternalIdentifier>.Empty;

        /// <summary>associationType URN.</summary>
        public string Type { get; init; } = string.Empty;

        /// <summary>sourceObject id.</summary>
        public string SourceObject { get; init; } = string.Empty;

        /// <summary>targetObject id.</summary>
        public string TargetObject { get; init; } = string.Empty;

        /// <summary>The <c>objectType</c> attribute as read (some senders write it), or null.</summary>
        public string? ObjectType { get; init; }

        /// <summary>SubmissionSetStatus slot of a HasMember (<c>Original</c> or <c>Reference</c>).</summary>
        public string? SubmissionSetStatus { get; init; }

        /// <summary>PreviousVersion slot of an ITI-57 HasMember (the version replaced).</summary>
        public string? PreviousVersion { get; init; }

        /// <summary>OriginalStatus slot of an UpdateAvailabilityStatus.</summary>
        public string? OriginalStatus { get; init; }

        /// <summary>NewStatus slot of an UpdateAvailabilityStatus.</summary>
        public string? NewStatus { get; init; }

        /// <summary>A HasMember from a submission set to a member (document, folder or association), status Original.</summary>
        /// <param name="id">The association's id.</param>
        /// <param name="submissionSetId">The submission set id.</param>
        /// <param name="memberId">The member id.</param>
        /// <returns>The association.</returns>
        public static Association HasMember(string id, string submissionSetId, string memberId) => new()
        {
            Id = id, Type = XdsAssociationTypes.HasMember, SourceObject = submissionSetId, TargetObject = memberId, SubmissionSetStatus = "Original",
        };

        /// <summary>The DMP's archive/delete: an UpdateAvailabilityStatus from the submission set to a document entry.</summary>
        /// <param name="id">The association's id.</param>
        /// <param name="submissionSetId">The submission set id.</param>
        /// <param name="entryUuid">The document entry's entryUUID (<c>urn:uuid:…</c>).</param>
        /// <param name="originalStatus">The current status.</param>
        /// <param name="newStatus">The new status (e.g. <see cref="XdsAvailabilityStatus.Archived"/>).</param>
        /// <returns>The association.</returns>
        public static Association UpdateStatus(string id, string submissionSetId, string entryUuid, string originalStatus, string newStatus) => new()
        {
            Id = id, Type = XdsAssociationTypes.UpdateAvailabilityStatus, SourceObject = submissionSetId, TargetObject = entryUuid,
            OriginalStatus = originalStatus, NewStatus = newStatus,
        };
    }
}
