using System.Linq;
using DmpConnector.Identity;
using DmpConnector.Xds;

namespace DmpConnector.Cda
{
    /// <summary>An identifier of the patient as the CDA gives it (<c>recordTarget/patientRole/id</c>).</summary>
    /// <param name="Root">The assigning authority OID.</param>
    /// <param name="Extension">The value. Patient data.</param>
    public sealed record CdaPatientId(string Root, string? Extension)
    {
        /// <summary>True when the root is an INS authority (NIR, NIA, test or demo NIR).</summary>
        public bool IsIns => Ins.TryGetKind(Root, out _);

        /// <summary>The HL7 CX form: <c>value^^^&amp;root&amp;ISO^NH</c> for an INS, <c>^PI</c> otherwise.</summary>
        /// <returns>The CX text.</returns>
        public string ToCx() => new Cx(Extension ?? string.Empty, Hd.ForOid(Root), IsIns ? Cx.NationalHealthNumberType : Cx.PatientInternalIdentifierType).Format();

        /// <summary>Does not print the value (patient data).</summary>
        /// <returns>The root only.</returns>
        public override string ToString() => $"CdaPatientId {Root} (redacted)";
    }

    /// <summary>
    /// What a CDA header determines of its XDS DocumentEntry, with the DocumentEntry's field names, plus what the reader
    /// saw (templates, body kind, deviations from CI-SIS it tolerated). Times are XDS DTM in UTC. Immutable.
    /// </summary>
    public sealed record CdaDocumentMetadata
    {
        /// <summary>uniqueId: <c>id/@root</c> (with <c>^extension</c> if the CDA has one, which the DMP refuses).</summary>
        public string? UniqueId { get; init; }

        /// <summary><c>setId/@root</c>.</summary>
        public string? SetId { get; init; }

        /// <summary><c>versionNumber/@value</c>, or null.</summary>
        public int? VersionNumber { get; init; }

        /// <summary>The id of the document this one replaces (<c>relatedDocument[@typeCode='RPLC']/parentDocument/id</c>), or null.</summary>
        public string? ReplacedDocumentId { get; init; }

        /// <summary>typeCode: the CDA <c>code</c>.</summary>
        public CodedValue? TypeCode { get; init; }

        /// <summary>classCode, through the type → class pairs the public material gives (<see cref="CdaPresets.ClassCodeFor"/>); null when unknown.</summary>
        public CodedValue? ClassCode { get; init; }

        /// <summary>formatCode: from the media type (N1) or a known model template (N3); null when unknown.</summary>
        public CodedValue? FormatCode { get; init; }

        /// <summary>title.</summary>
        public string? Title { get; init; }

        /// <summary>creationTime: <c>effectiveTime</c> in UTC.</summary>
        public string? CreationTime { get; init; }

        /// <summary>serviceStartTime: the main <c>serviceEvent/effectiveTime/low</c> in UTC.</summary>
        public string? ServiceStartTime { get; init; }

        /// <summary>serviceStopTime: the main <c>serviceEvent/effectiveTime/high</c> in UTC.</summary>
        public string? ServiceStopTime { get; init; }

        /// <summary>confidentialityCode (the CDA holds one; the DMP masking codes are added by the sender).</summary>
        public EquatableList<CodedValue> ConfidentialityCodes { get; init; } = EquatableList<CodedValue>.Empty;

        /// <summary>languageCode.</summary>
        public string? LanguageCode { get; init; }

        /// <summary>Every <c>patientRole/id</c>, in document order (CI-SIS: the INS first). Patient data.</summary>
        public EquatableList<CdaPatientId> PatientIds { get; init; } = EquatableList<CdaPatientId>.Empty;

        /// <summary>patientId: the first patient id as CX, when it is an INS; null otherwise. Patient data.</summary>
        public string? PatientId => PatientIds.Count > 0 && PatientIds[0].IsIns ? PatientIds[0].ToCx() : null;

        /// <summary>sourcePatientId: the first local id (<c>^PI</c>), else the INS. Patient data.</summary>
        public string? SourcePatientId => PatientIds.FirstOrDefault(p => !p.IsIns)?.ToCx() ?? PatientId;

        /// <summary>sourcePatientInfo (<c>PID-5|…</c>, <c>PID-7|…</c>, <c>PID-8|…</c>). Patient data.</summary>
        public EquatableList<string> SourcePatientInfo { get; init; } = EquatableList<string>.Empty;

        /// <summary>The authors, in order.</summary>
        public EquatableList<CdaParticipant> Authors { get; init; } = EquatableList<CdaParticipant>.Empty;

        /// <summary>The legal authenticator, or null.</summary>
        public CdaParticipant? LegalAuthenticator { get; init; }

        /// <summary>practiceSettingCode: the main performer's <c>standardIndustryClassCode</c>.</summary>
        public CodedValue? PracticeSettingCode { get; init; }

        /// <summary>healthcareFacilityTypeCode: <c>healthCareFacility/code</c>.</summary>
        public CodedValue? HealthcareFacilityTypeCode { get; init; }

        /// <summary>eventCodeList: every <c>serviceEvent/code</c>.</summary>
        public EquatableList<CodedValue> EventCodes { get; init; } = EquatableList<CodedValue>.Empty;

        /// <summary>mimeType of the CDA itself: <c>text/xml</c>.</summary>
        public string MimeType { get; init; } = "text/xml";

        /// <summary>hash: SHA-1 of the CDA's bytes as read, lower-case hex.</summary>
        public string? Hash { get; init; }

        /// <summary>size: the CDA's size in bytes as read.</summary>
        public long? Size { get; init; }

        /// <summary>The header templateIds, in order.</summary>
        public EquatableList<string> TemplateIds { get; init; } = EquatableList<string>.Empty;

        /// <summary>True for a structured body (N3), false for a nonXMLBody (N1).</summary>
        public bool IsStructured { get; init; }

        /// <summary>The nonXMLBody's media type, or null for a structured body.</summary>
        public string? EmbeddedMediaType { get; init; }

        /// <summary>The embedded document's size in bytes (decoded), or null.</summary>
        public long? EmbeddedLength { get; init; }

        /// <summary>The CI-SIS rules the document breaks that the reader tolerated (e.g. a time of day without offset), as <c>rule: where</c>.</summary>
        public EquatableList<string> Deviations { get; init; } = EquatableList<string>.Empty;

        /// <summary>
        /// The XDS DocumentEntry with every field the CDA determines. The fields it does not determine are left for the
        /// caller: availability status, repositoryUniqueId, the DMP visibility codes (extra confidentiality codes),
        /// referenceIdList, comments.
        /// </summary>
        /// <param name="entryId">The entry's id (symbolic, e.g. <c>Document01</c>, or a <c>urn:uuid:</c>); a new UUID URN when null.</param>
        /// <returns>The DocumentEntry.</returns>
        /// <exception cref="CdaFormatException">The first patient id is not an INS (rule <see cref="CdaRules.InsMissing"/>): the DMP's patientId is the INS.</exception>
        public DocumentEntry ToDocumentEntry(string? entryId = null)
        {
            string patientId = PatientId ?? throw CdaReader.MissingIns();
            return new DocumentEntry
            {
                Id = entryId ?? XdsIds.NewEntryUuid(),
                MimeType = MimeType,
                Title = Title,
                UniqueId = UniqueId,
                PatientId = patientId,
                SourcePatientId = SourcePatientId,
                SourcePatientInfo = SourcePatientInfo,
                ClassCode = ClassCode,
                TypeCode = TypeCode,
                FormatCode = FormatCode,
                HealthcareFacilityTypeCode = HealthcareFacilityTypeCode,
                PracticeSettingCode = PracticeSettingCode,
                ConfidentialityCodes = ConfidentialityCodes,
                EventCodes = EventCodes,
                Authors = Authors.Select(a => a.ToXdsAuthor()).ToArray(),
                LegalAuthenticator = LegalAuthenticator?.ToXcn(),
                CreationTime = CreationTime,
                ServiceStartTime = ServiceStartTime,
                ServiceStopTime = ServiceStopTime,
                LanguageCode = LanguageCode,
                Hash = Hash,
                Size = Size,
            };
        }

        /// <summary>A log-safe summary (no patient data).</summary>
        /// <returns>The summary.</returns>
        public override string ToString() => $"CdaDocumentMetadata {TypeCode?.Code} {(IsStructured ? "structured" : EmbeddedMediaType)} {Size} bytes";
    }
}
