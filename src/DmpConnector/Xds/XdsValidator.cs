using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using DmpConnector.Identity;

namespace DmpConnector.Xds
{
    /// <summary>Which rules a message is checked against.</summary>
    public enum XdsValidationProfile
    {
        /// <summary>IHE XDS.b (ITI TF-3): required attributes and value formats.</summary>
        Xds,

        /// <summary>
        /// The DMP (CI-SIS and DMPi, spec §4.4): XDS.b plus the DMP's required and required-if-known attributes, value
        /// set membership, INS patient ids, confidentiality cardinality and the signature document's shape.
        /// </summary>
        Dmp,
    }

    /// <summary>The stable rule ids of the validation profiles (see docs/errors.md).</summary>
    public static class XdsValidationRules
    {
        /// <summary>A required attribute is missing.</summary>
        public const string Required = "XDS-REQUIRED";

        /// <summary>A "required if known" attribute is missing (warning).</summary>
        public const string RequiredIfKnown = "XDS-REQUIRED-IF-KNOWN";

        /// <summary>An attribute has more or fewer values than allowed.</summary>
        public const string Cardinality = "XDS-CARDINALITY";

        /// <summary>A code is not in the attribute's value set (error for a complete value set, warning for a partial one).</summary>
        public const string CodeUnknown = "XDS-CODE-UNKNOWN";

        /// <summary>A coded value lacks its code or code system.</summary>
        public const string CodeFormat = "XDS-CODE-FORMAT";

        /// <summary>A value that must be an OID is not one.</summary>
        public const string OidFormat = "XDS-OID-FORMAT";

        /// <summary>An id is neither a <c>urn:uuid:</c> UUID nor a usable symbolic id, or must be a UUID and is not.</summary>
        public const string UuidFormat = "XDS-UUID-FORMAT";

        /// <summary>A time is not an XDS DTM (UTC, digits only, 4 to 14).</summary>
        public const string DtmFormat = "XDS-DTM-FORMAT";

        /// <summary>A time carries a zone offset: XDS times are UTC without zone.</summary>
        public const string TimeUtc = "XDS-TIME-UTC";

        /// <summary>serviceStartTime is after serviceStopTime.</summary>
        public const string TimeOrder = "XDS-TIME-ORDER";

        /// <summary>A patient id is not a valid CX (or, in the DMP, not an INS with type NH).</summary>
        public const string CxFormat = "XDS-CX-FORMAT";

        /// <summary>A person (author, legal authenticator) is not a valid XCN.</summary>
        public const string XcnFormat = "XDS-XCN-FORMAT";

        /// <summary>An organisation (author institution) is not a valid XON.</summary>
        public const string XonFormat = "XDS-XON-FORMAT";

        /// <summary>A value (mime type, language, hash, size) has the wrong format.</summary>
        public const string ValueFormat = "XDS-VALUE-FORMAT";

        /// <summary>Two objects share an id, or two documents or submission sets a uniqueId.</summary>
        public const string DuplicateId = "XDS-DUPLICATE-ID";

        /// <summary>An association points at an object that is neither in the message nor a registry entryUUID.</summary>
        public const string AssociationTarget = "XDS-ASSOCIATION-TARGET";

        /// <summary>The submission does not have the XDS shape (one submission set, members linked by HasMember, a document per entry).</summary>
        public const string SubmissionShape = "XDS-SUBMISSION-SHAPE";

        /// <summary>A document entry's patient id differs from its submission set's.</summary>
        public const string PatientMismatch = "XDS-PATIENT-MISMATCH";

        /// <summary>The hash or size given does not match the document's bytes.</summary>
        public const string HashMismatch = "XDS-HASH-MISMATCH";

        /// <summary>The signature document (XAdES of the submission set) does not have the DMP's shape.</summary>
        public const string SignatureShape = "XDS-SIGNATURE-SHAPE";
    }

    /// <summary>The SHA-1 (hex, lower case) and size of a document's bytes, as XDS <c>hash</c> and <c>size</c> state them.</summary>
    public sealed record XdsDocumentDigest
    {
        /// <summary>Creates a digest.</summary>
        /// <param name="hash">SHA-1, lower-case hex.</param>
        /// <param name="size">Size in bytes.</param>
        public XdsDocumentDigest(string hash, long size)
        {
            Hash = hash;
            Size = size;
        }

        /// <summary>SHA-1 of the bytes, lower-case hex.</summary>
        public string Hash { get; init; }

        /// <summary>Size in bytes.</summary>
        public long Size { get; init; }

        /// <summary>Reads a stream to its end (streaming, never buffered whole) and returns its SHA-1 and size.</summary>
        /// <param name="content">The document bytes.</param>
        /// <returns>The digest.</returns>
        public static XdsDocumentDigest Compute(Stream content)
        {
            if (content is null)
            {
                throw new ArgumentNullException(nameof(content));
            }

#pragma warning disable CA5350 // SHA-1 is what XDS hash means; it is compared, not trusted for security.
            using var sha1 = SHA1.Create();
#pragma warning restore CA5350
            var buffer = new byte[81920];
            long size = 0;
            int n;
            while ((n = content.Read(buffer, 0, buffer.Length)) > 0)
            {
                sha1.TransformBlock(buffer, 0, n, null, 0);
                size += n;
            }

            sha1.TransformFinalBlock(buffer, 0, 0);
            return new XdsDocumentDigest(Internal.Hex.ToLower(sha1.Hash!), size);
        }
    }

    /// <summary>What the validator checks against besides the message: value sets and the documents' actual digests.</summary>
    public sealed record XdsValidationOptions
    {
        /// <summary>The defaults: the embedded DMP value sets, no document digests.</summary>
        public static XdsValidationOptions Default { get; } = new();

        /// <summary>The value sets codes are checked against (DMP profile); extend them for newer codes.</summary>
        public XdsValueSets ValueSets { get; init; } = XdsValueSets.Dmp;

        /// <summary>
        /// The current time for the "time in the future" check (a local time copied as UTC shows as 1–2 hours ahead in
        /// France); null for the system clock.
        /// </summary>
        public DateTimeOffset? Now { get; init; }

        /// <summary>How far in the future a creation or submission time may be before it is reported (default 10 minutes).</summary>
        public TimeSpan AllowedClockSkew { get; init; } = TimeSpan.FromMinutes(10);

        /// <summary>The digests of the documents, by DocumentEntry id, to compare with the entries' hash and size.</summary>
        public IReadOnlyDictionary<string, XdsDocumentDigest> DocumentDigests { get; init; } = new Dictionary<string, XdsDocumentDigest>();
    }

    /// <summary>
    /// Checks XDS messages against a profile (<see cref="XdsValidationProfile"/>) before anything is sent: every issue is
    /// collected (object, attribute, rule id, plain-English message, value redacted when it is patient data), and
    /// <see cref="EnsureValid"/> throws them as one <see cref="XdsValidationException"/>.
    /// </summary>
    public static class XdsValidator
    {
        private const string SignatureClassCode = "urn:oid:1.3.6.1.4.1.19376.1.2.1.1.1";
        private const string InsNirOid = "1.2.250.1.213.1.4.8";
        private static readonly HashSet<string> TypedEntrySlots = new(StringComparer.Ordinal)
        {
            "creationTime", "hash", "languageCode", "legalAuthenticator", "repositoryUniqueId", "serviceStartTime", "serviceStopTime", "size", "sourcePatientId",
        };

        private static readonly Regex MimePattern = new("^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        private static readonly Regex LanguagePattern = new("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        private static readonly Regex HashPattern = new("^[0-9a-fA-F]{40}$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        /// <summary>Checks a message and returns every issue found (errors and warnings; empty when clean).</summary>
        /// <param name="message">The message.</param>
        /// <param name="profile">The profile.</param>
        /// <param name="options">Value sets and digests; null for the defaults.</param>
        /// <returns>The issues.</returns>
        public static IReadOnlyList<XdsValidationIssue> Validate(IXdsMessage message, XdsValidationProfile profile, XdsValidationOptions? options = null)
        {
            if (message is null)
            {
                throw new ArgumentNullException(nameof(message));
            }

            var v = new Checker(profile, options ?? XdsValidationOptions.Default);
            switch (message)
            {
                case ProvideAndRegisterDocumentSetRequest pnr:
                    v.Submission(pnr.Metadata, pnr.Documents, update: false);
                    break;
                case SubmitObjectsRequest submit:
                    v.Submission(submit.Metadata, null, update: true);
                    break;
                case AdhocQueryResponse response:
                    v.Registry(response.Metadata);
                    break;
                case AdhocQueryRequest query:
                    v.Query(query);
                    break;
                case RetrieveDocumentSetRequest retrieve:
                    v.Retrieve(retrieve);
                    break;
            }

            return v.Issues;
        }

        /// <summary>Throws one <see cref="XdsValidationException"/> listing every issue when the message has at least one error.</summary>
        /// <param name="message">The message.</param>
        /// <param name="profile">The profile.</param>
        /// <param name="options">Value sets and digests; null for the defaults.</param>
        public static void EnsureValid(IXdsMessage message, XdsValidationProfile profile, XdsValidationOptions? options = null)
        {
            IReadOnlyList<XdsValidationIssue> issues = Validate(message, profile, options);
            if (issues.Any(i => i.Severity == XdsIssueSeverity.Error))
            {
                throw new XdsValidationException(profile == XdsValidationProfile.Dmp ? "DMP" : "XDS.b", issues);
            }
        }

        private sealed class Checker
        {
            private readonly XdsValidationProfile profile;
            private readonly XdsValidationOptions options;

            public Checker(XdsValidationProfile profile, XdsValidationOptions options)
            {
                this.profile = profile;
                this.options = options;
            }

            public List<XdsValidationIssue> Issues { get; } = new();

            private bool Dmp => profile == XdsValidationProfile.Dmp;

            public void Submission(XdsMetadata metadata, IReadOnlyList<DocumentAttachment>? documents, bool update)
            {
                Ids(metadata);
                if (metadata.SubmissionSets.Count != 1)
                {
                    Error("message", "SubmissionSet", XdsValidationRules.SubmissionShape, $"A submission carries exactly one submission set; this one has {metadata.SubmissionSets.Count}.");
                }

                foreach (SubmissionSet set in metadata.SubmissionSets)
                {
                    Set(set);
                }

                SubmissionSet? only = metadata.SubmissionSets.Count == 1 ? metadata.SubmissionSets[0] : null;
                foreach (DocumentEntry entry in metadata.DocumentEntries)
                {
                    Entry(entry, registry: false, update);
                    if (only is not null)
                    {
                        if (!metadata.Associations.Any(a => a.Type == XdsAssociationTypes.HasMember && a.SourceObject == only.Id && a.TargetObject == entry.Id))
                        {
                            Error(entry.Id, "HasMember", XdsValidationRules.SubmissionShape, "Every document entry must be a member of the submission set (a HasMember association from the set to the entry).");
                        }

                        if (entry.PatientId is not null && only.PatientId is not null && !SamePatient(entry.PatientId, only.PatientId))
                        {
                            Error(entry.Id, "patientId", XdsValidationRules.PatientMismatch, "The document entry's patientId differs from the submission set's: a submission is about one patient.", entry.PatientId, sensitive: true);
                        }
                    }

                    if (options.DocumentDigests.TryGetValue(entry.Id, out XdsDocumentDigest? digest))
                    {
                        if (entry.Hash is not null && !string.Equals(entry.Hash, digest.Hash, StringComparison.OrdinalIgnoreCase))
                        {
                            Error(entry.Id, "hash", XdsValidationRules.HashMismatch, $"The hash given is not the SHA-1 of the document's bytes ({digest.Hash}); the repository would refuse it (XDSNonIdenticalHash).", entry.Hash);
                        }

                        if (entry.Size is { } size && size != digest.Size)
                        {
                            Error(entry.Id, "size", XdsValidationRules.HashMismatch, $"The size given is not the document's size ({digest.Size.ToString(CultureInfo.InvariantCulture)} bytes).", size.ToString(CultureInfo.InvariantCulture));
                        }
                    }
                }

                foreach (Folder folder in metadata.Folders)
                {
                    Required(folder.Id, "uniqueId", folder.UniqueId);
                    Oid(folder.Id, "uniqueId", folder.UniqueId);
                    Patient(folder.Id, "patientId", folder.PatientId, requireIns: Dmp);
                }

                Associations(metadata);
                if (documents is not null)
                {
                    foreach (DocumentEntry entry in metadata.DocumentEntries)
                    {
                        if (!documents.Any(d => string.Equals(d.DocumentId, entry.Id, StringComparison.OrdinalIgnoreCase)))
                        {
                            Error(entry.Id, "Document", XdsValidationRules.SubmissionShape, "An ITI-41 request carries a Document for every document entry; this entry has none (XDSMissingDocument).");
                        }
                    }

                    foreach (DocumentAttachment document in documents)
                    {
                        if (!metadata.DocumentEntries.Any(e => string.Equals(e.Id, document.DocumentId, StringComparison.OrdinalIgnoreCase)))
                        {
                            Error(document.DocumentId ?? "Document", "Document", XdsValidationRules.SubmissionShape, "A Document has no document entry with its id (XDSMissingDocumentMetadata).", document.DocumentId);
                        }
                    }
                }

                if (Dmp && !update && only is not null)
                {
                    Signature(metadata, only);
                }
            }

            public void Registry(XdsMetadata metadata)
            {
                Ids(metadata);
                foreach (SubmissionSet set in metadata.SubmissionSets)
                {
                    Set(set);
                }

                foreach (DocumentEntry entry in metadata.DocumentEntries)
                {
                    Entry(entry, registry: true, update: false);
                }
            }

            public void Query(AdhocQueryRequest query)
            {
                if (!XdsIds.IsEntryUuid(query.QueryId))
                {
                    Error("AdhocQuery", "id", XdsValidationRules.UuidFormat, "The stored query id must be a urn:uuid (see StoredQueryIds).", query.QueryId);
                }

                if (query.ReturnType is not (AdhocQueryRequest.LeafClass or AdhocQueryRequest.ObjectRef))
                {
                    Error("ResponseOption", "returnType", XdsValidationRules.ValueFormat, "returnType is LeafClass or ObjectRef.", query.ReturnType);
                }

                if (Dmp)
                {
                    foreach (QueryParameter status in query.Parameters.Where(p => p.Name.EndsWith("Status", StringComparison.Ordinal)))
                    {
                        if (!status.Values.SelectMany(StoredQueryValue.Unquote).Contains(XdsAvailabilityStatus.Approved))
                        {
                            Error("AdhocQuery", status.Name, XdsValidationRules.Required, "The DMP requires every query to ask for Approved objects (plus any other status).", string.Join(",", status.Values));
                        }
                    }
                }
            }

            public void Retrieve(RetrieveDocumentSetRequest retrieve)
            {
                if (retrieve.Documents.Count == 0)
                {
                    Error("RetrieveDocumentSetRequest", "DocumentRequest", XdsValidationRules.Cardinality, "A retrieve asks for at least one document.");
                }

                foreach (DocumentRequest d in retrieve.Documents)
                {
                    Oid(d.DocumentUniqueId, "RepositoryUniqueId", d.RepositoryUniqueId);
                    if (XdsIds.IsEntryUuid(d.DocumentUniqueId))
                    {
                        Error(d.DocumentUniqueId, "DocumentUniqueId", XdsValidationRules.OidFormat, "ITI-43 retrieves by the document's uniqueId (an OID), not its entryUUID; the repository answers XDSDocumentUniqueIdError.", d.DocumentUniqueId);
                    }
                    else
                    {
                        DocumentUniqueId(d.DocumentUniqueId, "DocumentUniqueId", d.DocumentUniqueId);
                    }
                }
            }

            private void Ids(XdsMetadata metadata)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                IEnumerable<IXdsObject> all = metadata.SubmissionSets.Cast<IXdsObject>().Concat(metadata.DocumentEntries).Concat(metadata.Folders).Concat(metadata.Associations);
                foreach (IXdsObject o in all)
                {
                    if (string.IsNullOrEmpty(o.Id))
                    {
                        Error("(no id)", "entryUUID", XdsValidationRules.Required, "Every registry object needs an id (a urn:uuid, or a symbolic id the registry replaces).");
                        continue;
                    }

                    if (!seen.Add(o.Id))
                    {
                        Error(o.Id, "entryUUID", XdsValidationRules.DuplicateId, "Two objects of the message have this id.", o.Id);
                    }

                    if (o.Id.StartsWith("urn:uuid:", StringComparison.OrdinalIgnoreCase) ? !XdsIds.IsEntryUuid(o.Id) : o.Id.Any(char.IsWhiteSpace) || o.Id.IndexOf(':') >= 0)
                    {
                        Error(o.Id, "entryUUID", XdsValidationRules.UuidFormat, "An id is urn:uuid: followed by a UUID, or a symbolic id without spaces or colons.", o.Id);
                    }
                }

                foreach (var group in metadata.DocumentEntries.Where(e => e.UniqueId is not null).GroupBy(e => e.UniqueId).Where(g => g.Count() > 1))
                {
                    Error(group.Last().Id, "uniqueId", XdsValidationRules.DuplicateId, "Two document entries share this uniqueId (XDSRegistryDuplicateUniqueIdInMessage).", group.Key);
                }

                foreach (var group in metadata.SubmissionSets.Where(s => s.UniqueId is not null).GroupBy(s => s.UniqueId).Where(g => g.Count() > 1))
                {
                    Error(group.Last().Id, "uniqueId", XdsValidationRules.DuplicateId, "Two submission sets share this uniqueId.", group.Key);
                }
            }

            private void Set(SubmissionSet set)
            {
                string id = set.Id;
                Required(id, "uniqueId", set.UniqueId);
                Oid(id, "uniqueId", set.UniqueId);
                Required(id, "sourceId", set.SourceId);
                Oid(id, "sourceId", set.SourceId);
                Required(id, "submissionTime", set.SubmissionTime);
                Time(id, "submissionTime", set.SubmissionTime);
                NotFuture(id, "submissionTime", set.SubmissionTime);
                Required(id, "patientId", set.PatientId);
                Patient(id, "patientId", set.PatientId, requireIns: Dmp);
                Code(id, "contentTypeCode", set.ContentTypeCode, XdsCodedField.ContentTypeCode, required: true);
                Authors(id, set.Authors, personRequired: Dmp);
                if (Dmp && set.IntendedRecipients.Count > 0)
                {
                    Warning(id, "intendedRecipient", XdsValidationRules.Cardinality, "The DMP does not use intendedRecipient; it is ignored.");
                }
            }

            private void Entry(DocumentEntry e, bool registry, bool update)
            {
                string id = e.Id;
                Required(id, "uniqueId", e.UniqueId);
                DocumentUniqueId(id, "uniqueId", e.UniqueId);
                Required(id, "mimeType", e.MimeType);
                if (e.MimeType is not null && !MimePattern.IsMatch(e.MimeType))
                {
                    Error(id, "mimeType", XdsValidationRules.ValueFormat, "mimeType is type/subtype, e.g. text/xml.", e.MimeType);
                }

                Required(id, "languageCode", e.LanguageCode);
                if (e.LanguageCode is not null && !LanguagePattern.IsMatch(e.LanguageCode))
                {
                    Error(id, "languageCode", XdsValidationRules.ValueFormat, "languageCode is a language tag, e.g. fr-FR.", e.LanguageCode);
                }

                Required(id, "creationTime", e.CreationTime);
                Time(id, "creationTime", e.CreationTime);
                NotFuture(id, "creationTime", e.CreationTime);
                Time(id, "serviceStartTime", e.ServiceStartTime);
                Time(id, "serviceStopTime", e.ServiceStopTime);
                if (XdsTime.TryParse(e.ServiceStartTime, out DateTimeOffset start) && XdsTime.TryParse(e.ServiceStopTime, out DateTimeOffset stop) && start > stop)
                {
                    Error(id, "serviceStopTime", XdsValidationRules.TimeOrder, "serviceStartTime is after serviceStopTime.", e.ServiceStopTime);
                }

                Required(id, "patientId", e.PatientId);
                Patient(id, "patientId", e.PatientId, requireIns: Dmp);
                Required(id, "sourcePatientId", e.SourcePatientId);
                Patient(id, "sourcePatientId", e.SourcePatientId, requireIns: false);
                Code(id, "classCode", e.ClassCode, XdsCodedField.ClassCode, required: true);
                Code(id, "typeCode", e.TypeCode, XdsCodedField.TypeCode, required: true);
                Code(id, "formatCode", e.FormatCode, XdsCodedField.FormatCode, required: true);
                Code(id, "healthcareFacilityTypeCode", e.HealthcareFacilityTypeCode, XdsCodedField.HealthcareFacilityTypeCode, required: true);
                Code(id, "practiceSettingCode", e.PracticeSettingCode, XdsCodedField.PracticeSettingCode, required: true);
                if (e.ConfidentialityCodes.Count == 0)
                {
                    Error(id, "confidentialityCode", XdsValidationRules.Required, "A document entry needs at least one confidentialityCode (N in the DMP).");
                }
                else if (Dmp && e.ConfidentialityCodes.Count > 4)
                {
                    Error(id, "confidentialityCode", XdsValidationRules.Cardinality, "The DMP allows 1 to 4 confidentialityCode values.");
                }

                foreach (CodedValue c in e.ConfidentialityCodes)
                {
                    Code(id, "confidentialityCode", c, XdsCodedField.ConfidentialityCode, required: true);
                }

                foreach (CodedValue c in e.EventCodes)
                {
                    Code(id, "eventCodeList", c, null, required: true);
                }

                Authors(id, e.Authors, personRequired: false);
                if (e.LegalAuthenticator is not null)
                {
                    Person(id, "legalAuthenticator", e.LegalAuthenticator);
                }

                if (e.Hash is not null && !HashPattern.IsMatch(e.Hash))
                {
                    Error(id, "hash", XdsValidationRules.ValueFormat, "hash is the SHA-1 of the document as 40 hexadecimal characters.", e.Hash);
                }

                if (e.Size is < 0)
                {
                    Error(id, "size", XdsValidationRules.ValueFormat, "size is a number of bytes (0 or more).", e.Size.Value.ToString(CultureInfo.InvariantCulture));
                }

                Oid(id, "repositoryUniqueId", e.RepositoryUniqueId);
                foreach (Slot slot in e.ExtraSlots.Where(x => TypedEntrySlots.Contains(x.Name)))
                {
                    Error(id, slot.Name, XdsValidationRules.ValueFormat, $"The {slot.Name} slot is repeated, has several values, or its value cannot be read; XDS allows one valid value.", string.Join(",", slot.Values), sensitive: slot.Name.StartsWith("source", StringComparison.Ordinal));
                }

                if (e.AvailabilityStatus is not null && !IsKnownStatus(e.AvailabilityStatus))
                {
                    Error(id, "availabilityStatus", XdsValidationRules.ValueFormat, "availabilityStatus is Approved, Deprecated, Submitted, or the ci-sis Archived or Deleted.", e.AvailabilityStatus);
                }

                if (registry)
                {
                    Required(id, "hash", e.Hash);
                    Required(id, "size", e.Size?.ToString(CultureInfo.InvariantCulture));
                    Required(id, "repositoryUniqueId", e.RepositoryUniqueId);
                    Required(id, "availabilityStatus", e.AvailabilityStatus);
                }

                if (update && Dmp)
                {
                    Required(id, "logicalId", e.LogicalId);
                    Required(id, "version", e.Version);
                }

                if (Dmp)
                {
                    Required(id, "title", e.Title);
                    Required(id, "legalAuthenticator", e.LegalAuthenticator);
                    Required(id, "serviceStartTime", e.ServiceStartTime);
                    if (e.ServiceStopTime is null)
                    {
                        Warning(id, "serviceStopTime", XdsValidationRules.RequiredIfKnown, "serviceStopTime is required by the DMP when known.");
                    }

                    if (e.Authors.Count == 0)
                    {
                        Warning(id, "author", XdsValidationRules.RequiredIfKnown, "The DMP requires the author (person, institution, role, specialty) when known.");
                    }
                }
            }

            private void Associations(XdsMetadata metadata)
            {
                foreach (Association a in metadata.Associations)
                {
                    if (string.IsNullOrEmpty(a.Type))
                    {
                        Error(a.Id, "associationType", XdsValidationRules.Required, "An association needs its type.");
                    }

                    Endpoint(metadata, a, "sourceObject", a.SourceObject);
                    Endpoint(metadata, a, "targetObject", a.TargetObject);
                    if (a.Type == XdsAssociationTypes.HasMember && metadata.SubmissionSets.Any(s => s.Id == a.SourceObject) && a.SubmissionSetStatus is null)
                    {
                        Error(a.Id, "SubmissionSetStatus", XdsValidationRules.Required, "A HasMember from the submission set needs the SubmissionSetStatus slot (Original or Reference).");
                    }

                    if (a.Type == XdsAssociationTypes.UpdateAvailabilityStatus)
                    {
                        Required(a.Id, "OriginalStatus", a.OriginalStatus);
                        Required(a.Id, "NewStatus", a.NewStatus);
                        if (!XdsIds.IsEntryUuid(a.TargetObject))
                        {
                            Error(a.Id, "targetObject", XdsValidationRules.UuidFormat, "An UpdateAvailabilityStatus targets the registry entry by its entryUUID (urn:uuid:…).", a.TargetObject);
                        }

                        foreach ((string name, string? value) in new[] { ("OriginalStatus", a.OriginalStatus), ("NewStatus", a.NewStatus) })
                        {
                            if (value is not null && !IsKnownStatus(value))
                            {
                                Error(a.Id, name, XdsValidationRules.ValueFormat, "A status is Approved, Deprecated, or the ci-sis Archived or Deleted URN.", value);
                            }
                        }
                    }
                }
            }

            private void Endpoint(XdsMetadata metadata, Association a, string attribute, string target)
            {
                if (string.IsNullOrEmpty(target))
                {
                    Error(a.Id, attribute, XdsValidationRules.Required, "An association needs both its source and target objects.");
                }
                else if (metadata.Find(target) is null && !XdsIds.IsEntryUuid(target) && !metadata.ObjectRefs.Contains(target))
                {
                    Error(a.Id, attribute, XdsValidationRules.AssociationTarget, "The association points at an object that is not in the message; a symbolic id must name an object of the submission, an existing registry object is given by its entryUUID.", target);
                }
            }

            private void Signature(XdsMetadata metadata, SubmissionSet set)
            {
                foreach (DocumentEntry e in metadata.DocumentEntries.Where(x => x.ClassCode?.Code == SignatureClassCode))
                {
                    string id = e.Id;
                    void Shape(bool ok, string attribute, string message, string? value)
                    {
                        if (!ok)
                        {
                            Error(id, attribute, XdsValidationRules.SignatureShape, message, value);
                        }
                    }

                    Shape(e.ClassCode!.CodeSystem == "URN", "classCode", "The signature document's classCode has the coding scheme URN.", e.ClassCode.CodeSystem);
                    Shape(e.TypeCode is { Code: "E1762", CodeSystem: "ASTM" }, "typeCode", "The signature document's typeCode is E1762 (ASTM).", e.TypeCode?.Code);
                    Shape(e.FormatCode is { Code: "http://www.w3.org/2000/09/xmldsig#", CodeSystem: "URN" }, "formatCode", "The signature document's formatCode is http://www.w3.org/2000/09/xmldsig# (URN).", e.FormatCode?.Code);
                    Shape(e.LanguageCode == "art", "languageCode", "The signature document's languageCode is art.", e.LanguageCode);
                    Shape(e.MimeType == "text/xml", "mimeType", "The signature document is text/xml.", e.MimeType);
                    string[] codes = e.ConfidentialityCodes.Select(c => c.Code).ToArray();
                    Shape(codes.Contains("N") && codes.Contains("MASQUE_PS") && codes.Contains("INVISIBLE_PATIENT"), "confidentialityCode", "The signature document is N, MASQUE_PS and INVISIBLE_PATIENT (hidden from professionals and the patient).", string.Join(",", codes));
                    Shape(e.EventCodes.Any(c => c.Code == "1.2.840.10065.1.12.1.14"), "eventCodeList", "The signature document's eventCodeList holds the purpose of signature 1.2.840.10065.1.12.1.14 (Source).", null);
                    Shape(metadata.Associations.Any(a => a.Type == XdsAssociationTypes.Signs && a.SourceObject == id && a.TargetObject == set.Id), "signs", "The signature document signs the submission set: a signs association from it to the set.", null);
                }

                foreach (Association a in metadata.Associations.Where(a => a.Type == XdsAssociationTypes.Signs))
                {
                    if (metadata.DocumentEntries.FirstOrDefault(x => x.Id == a.SourceObject) is { } source && source.ClassCode?.Code != SignatureClassCode)
                    {
                        Error(a.Id, "sourceObject", XdsValidationRules.SignatureShape, "A signs association starts at a signature document (classCode urn:oid:1.3.6.1.4.1.19376.1.2.1.1.1).", a.SourceObject);
                    }
                }
            }

            private void Authors(string id, IReadOnlyList<Author> authors, bool personRequired)
            {
                if (personRequired && !authors.Any(a => a.Person is not null))
                {
                    Error(id, "authorPerson", XdsValidationRules.Required, "The DMP requires the submission set's authorPerson.");
                }

                foreach (Author author in authors)
                {
                    if (author.Person is not null)
                    {
                        Person(id, "authorPerson", author.Person);
                    }

                    foreach (string institution in author.Institutions)
                    {
                        if (!Xon.TryParse(institution, out Xon? xon) || xon.OrganizationName.Length == 0
                            || (xon.OrganizationIdentifier.Length > 0 && !XdsIds.IsOid(xon.AssigningAuthority?.UniversalId)))
                        {
                            Error(id, "authorInstitution", XdsValidationRules.XonFormat, "authorInstitution is an XON: name, and when an id is given (XON.10) its assigning authority OID (XON.6), e.g. NAME^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^1234.", institution);
                        }
                    }

                    foreach (string specialty in author.Specialties)
                    {
                        if (!Ce.TryParse(specialty, out Ce? ce) || ce.Identifier.Length == 0)
                        {
                            Error(id, "authorSpecialty", XdsValidationRules.CodeFormat, "authorSpecialty is a CE: code^display^codeSystem.", specialty);
                        }
                        else if (Dmp && ce.CodingSystem.Length > 0)
                        {
                            Member(id, "authorSpecialty", ce.ToCodedValue(), XdsCodedField.AuthorSpecialty);
                        }
                    }

                    if (Dmp)
                    {
                        if (author.Institutions.Count == 0)
                        {
                            Warning(id, "authorInstitution", XdsValidationRules.RequiredIfKnown, "The DMP requires authorInstitution when known.");
                        }

                        if (author.Roles.Count == 0)
                        {
                            Warning(id, "authorRole", XdsValidationRules.RequiredIfKnown, "The DMP requires authorRole when known.");
                        }

                        if (author.Specialties.Count == 0)
                        {
                            Warning(id, "authorSpecialty", XdsValidationRules.RequiredIfKnown, "The DMP requires authorSpecialty when known.");
                        }
                    }
                }
            }

            private void Person(string id, string attribute, string value)
            {
                if (!Xcn.TryParse(value, out Xcn? xcn) || (xcn.Id.Length == 0 && xcn.FamilyName.Length == 0)
                    || (xcn.Id.Length > 0 && !XdsIds.IsOid(xcn.AssigningAuthority?.UniversalId)))
                {
                    Error(id, attribute, XdsValidationRules.XcnFormat, "A person is an XCN: an id (XCN.1) with its assigning authority OID (XCN.9), or at least a family name, e.g. 899700012345^NAME^GIVEN^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS.", value);
                }
            }

            private void Patient(string id, string attribute, string? value, bool requireIns)
            {
                if (value is null)
                {
                    return;
                }

                if (!Cx.TryParse(value, out Cx? cx) || !XdsIds.IsOid(cx.AssigningAuthority?.UniversalId) || cx.AssigningAuthority!.UniversalIdType != "ISO")
                {
                    Error(id, attribute, XdsValidationRules.CxFormat, "A patient id is a CX: id^^^&OID&ISO (the assigning authority as an OID of type ISO).", value, sensitive: true);
                    return;
                }

                if (requireIns && (cx.IdentifierTypeCode != "NH" || !cx.AssigningAuthority.UniversalId.StartsWith("1.2.250.1.213.1.4.", StringComparison.Ordinal)))
                {
                    Error(id, attribute, XdsValidationRules.CxFormat, $"The DMP identifies the patient by the INS: CX.5 is NH and the authority one of the INS OIDs (e.g. {InsNirOid}).", value, sensitive: true);
                }
            }

            private void Code(string id, string attribute, CodedValue? value, XdsCodedField? field, bool required)
            {
                if (value is null)
                {
                    if (required)
                    {
                        Error(id, attribute, XdsValidationRules.Required, $"{attribute} is required.");
                    }

                    return;
                }

                if (value.Code.Length == 0 || value.CodeSystem.Length == 0)
                {
                    Error(id, attribute, XdsValidationRules.CodeFormat, $"{attribute} needs its code (nodeRepresentation) and its coding scheme.", value.Code);
                    return;
                }

                if (Dmp && field is { } f)
                {
                    Member(id, attribute, value, f);
                }
            }

            private void Member(string id, string attribute, CodedValue value, XdsCodedField field)
            {
                if (options.ValueSets.Find(field) is { } set && !set.Contains(value))
                {
                    string text = $"{value.Code} ({value.CodeSystem}) is not in {set.Name}" + (set.IsComplete
                        ? "; if the DMP published it after this release, add it with XdsValueSets.Extend."
                        : " as known to this release (the list is partial): check it, or add it with XdsValueSets.Extend.");
                    Add(new XdsValidationIssue(id, attribute, XdsValidationRules.CodeUnknown, text, value.Code, false, set.IsComplete ? XdsIssueSeverity.Error : XdsIssueSeverity.Warning));
                }
            }

            private void Time(string id, string attribute, string? value)
            {
                if (value is null || XdsTime.TryParse(value, out _))
                {
                    return;
                }

                bool zoned = value.IndexOf('+') > 0 || value.IndexOf('-') > 0 || value.EndsWith("Z", StringComparison.OrdinalIgnoreCase);
                if (zoned)
                {
                    Error(id, attribute, XdsValidationRules.TimeUtc, "XDS times are UTC without zone (yyyyMMddHHmmss): convert the local time to UTC and drop the offset.", value);
                }
                else
                {
                    Error(id, attribute, XdsValidationRules.DtmFormat, "A time is an XDS DTM: 4 to 14 digits, yyyyMMddHHmmss, in UTC.", value);
                }
            }

            private void NotFuture(string id, string attribute, string? value)
            {
                DateTimeOffset now = options.Now ?? DateTimeOffset.UtcNow;
                if (XdsTime.TryParse(value, out DateTimeOffset time) && value!.Length >= 12 && time > now + options.AllowedClockSkew)
                {
                    Add(new XdsValidationIssue(id, attribute, XdsValidationRules.TimeUtc, $"{attribute} is in the future: probably a local time written as UTC (XDS times are UTC; convert the CDA time with its offset).", value, false, XdsIssueSeverity.Warning));
                }
            }

            private void Oid(string id, string attribute, string? value)
            {
                if (value is not null && !XdsIds.IsOid(value))
                {
                    Error(id, attribute, XdsValidationRules.OidFormat, $"{attribute} is an OID (digits and dots, at most 64 characters).", value);
                }
            }

            private void DocumentUniqueId(string id, string attribute, string? value)
            {
                if (value is null)
                {
                    return;
                }

                int caret = value.IndexOf('^');
                string root = caret < 0 ? value : value.Substring(0, caret);
                if (!XdsIds.IsOid(root) || value.Length > 128 || (caret >= 0 && caret == value.Length - 1))
                {
                    Error(id, attribute, XdsValidationRules.OidFormat, "A document uniqueId is an OID of at most 64 characters, optionally ^extension (128 characters in all).", value);
                }
            }

            private void Required(string id, string attribute, string? value)
            {
                if (string.IsNullOrEmpty(value))
                {
                    Error(id, attribute, XdsValidationRules.Required, $"{attribute} is required" + (Dmp ? " by the DMP." : " by XDS.b."));
                }
            }

            private static bool IsKnownStatus(string status) => status is XdsAvailabilityStatus.Approved or XdsAvailabilityStatus.Deprecated
                or XdsAvailabilityStatus.Submitted or XdsAvailabilityStatus.Archived or XdsAvailabilityStatus.Deleted;

            private static bool SamePatient(string a, string b)
            {
                // The official TD2.1 example appends a CX.7 date on one side only: compare id, authority and type.
                return Cx.TryParse(a, out Cx? x) && Cx.TryParse(b, out Cx? y)
                    ? x.Id == y.Id && Equals(x.AssigningAuthority, y.AssigningAuthority) && x.IdentifierTypeCode == y.IdentifierTypeCode
                    : a == b;
            }

            private void Error(string id, string attribute, string rule, string message, string? value = null, bool sensitive = false) =>
                Add(new XdsValidationIssue(id, attribute, rule, message, value, sensitive, XdsIssueSeverity.Error));

            private void Warning(string id, string attribute, string rule, string message) =>
                Add(new XdsValidationIssue(id, attribute, rule, message, null, false, XdsIssueSeverity.Warning));

            private void Add(XdsValidationIssue issue) => Issues.Add(issue);
        }
    }
}
