using System;
using System.Collections.Generic;
using System.Linq;
using DmpConnector.Identity;

namespace DmpConnector.Xds
{
    /// <summary>The ITI-18 stored query ids (spec §8.3).</summary>
    public static class StoredQueryIds
    {
        /// <summary>FindDocuments.</summary>
        public const string FindDocuments = "urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d";

        /// <summary>FindSubmissionSets.</summary>
        public const string FindSubmissionSets = "urn:uuid:f26abbcb-ac74-4422-8a30-edb644bbc1a9";

        /// <summary>FindFolders.</summary>
        public const string FindFolders = "urn:uuid:958f3006-baad-4929-a4de-ff1114824431";

        /// <summary>GetAll.</summary>
        public const string GetAll = "urn:uuid:10b545ea-725c-446d-9b95-8aeb444eddf3";

        /// <summary>GetDocuments.</summary>
        public const string GetDocuments = "urn:uuid:5c4f972b-d56b-40ac-a5fc-c8ca9b40b9d4";

        /// <summary>GetFolders.</summary>
        public const string GetFolders = "urn:uuid:5737b14c-8a1a-4539-b659-e03a34a5e1e4";

        /// <summary>GetAssociations.</summary>
        public const string GetAssociations = "urn:uuid:a7ae438b-4bc2-4642-93e9-be891f7bb155";

        /// <summary>GetDocumentsAndAssociations.</summary>
        public const string GetDocumentsAndAssociations = "urn:uuid:bab9529a-4a10-40b3-a01f-f68a615d247a";

        /// <summary>GetSubmissionSets.</summary>
        public const string GetSubmissionSets = "urn:uuid:51224314-5390-4169-9b91-b1980040715a";

        /// <summary>GetSubmissionSetAndContents.</summary>
        public const string GetSubmissionSetAndContents = "urn:uuid:e8e3cb2c-e39c-46b9-99e4-c12f57260b83";

        /// <summary>GetFolderAndContents.</summary>
        public const string GetFolderAndContents = "urn:uuid:b909a503-523d-4517-8acf-8e5834dfc4c7";

        /// <summary>GetFoldersForDocument.</summary>
        public const string GetFoldersForDocument = "urn:uuid:10cae35a-c7f9-4cf5-b61e-fc3278ffb578";

        /// <summary>GetRelatedDocuments.</summary>
        public const string GetRelatedDocuments = "urn:uuid:d90e5407-b356-4d91-a89f-873917b4b0e6";

        /// <summary>FindDocumentsByReferenceId (IHE 2016; used by DRIMbox for accession numbers and study UIDs).</summary>
        public const string FindDocumentsByReferenceId = "urn:uuid:12941a89-e02e-4be5-967c-ce4bfc8fe492";
    }

    /// <summary>Whether ids given to a Get… query are entryUUIDs or uniqueIds.</summary>
    public enum XdsIdKind
    {
        /// <summary>entryUUIDs (<c>urn:uuid:…</c>).</summary>
        EntryUuid,

        /// <summary>uniqueIds (OIDs).</summary>
        UniqueId,
    }

    /// <summary>
    /// ITI-18 value syntax: a single value is quoted (<c>'…'</c>, a quote inside doubled), a list is
    /// <c>('a','b')</c>, a code is <c>'code^^codingScheme'</c>.
    /// </summary>
    public static class StoredQueryValue
    {
        /// <summary>A quoted value; a quote inside is doubled. Empty values and control characters are refused.</summary>
        /// <param name="value">The value.</param>
        /// <param name="parameter">The parameter name, for the error.</param>
        /// <returns>The quoted value.</returns>
        public static string Quote(string value, string parameter = "value")
        {
            if (string.IsNullOrEmpty(value))
            {
                throw new XdsFormatException(parameter, XdsRules.QueryParameter, "A query value may not be empty.", value, false);
            }

            foreach (char c in value)
            {
                if (char.IsControl(c))
                {
                    throw new XdsFormatException(parameter, XdsRules.QueryParameter, "A query value may not contain control characters (line breaks, tabs).", null, true);
                }
            }

            return "'" + value.Replace("'", "''") + "'";
        }

        /// <summary>A parenthesised list of quoted values: <c>('a','b')</c>.</summary>
        /// <param name="values">The values (at least one).</param>
        /// <param name="parameter">The parameter name, for the error.</param>
        /// <returns>The list.</returns>
        public static string List(IEnumerable<string> values, string parameter = "value")
        {
            string[] quoted = (values ?? throw new ArgumentNullException(nameof(values))).Select(v => Quote(v, parameter)).ToArray();
            if (quoted.Length == 0)
            {
                throw new XdsFormatException(parameter, XdsRules.QueryParameter, "A list parameter needs at least one value.", null, false);
            }

            return "(" + string.Join(",", quoted) + ")";
        }

        /// <summary>A code in query form: <c>code^^codingScheme</c> (unquoted).</summary>
        /// <param name="code">The code.</param>
        /// <returns>The text.</returns>
        public static string Code(CodedValue code) =>
            (code ?? throw new ArgumentNullException(nameof(code))).CodeSystem.Length == 0 ? code.Code : code.Code + "^^" + code.CodeSystem;

        /// <summary>The original values of a parameter value: quotes and parentheses removed, doubled quotes undone.</summary>
        /// <param name="raw">The raw value, e.g. <c>('a','b')</c>.</param>
        /// <returns>The values.</returns>
        public static IReadOnlyList<string> Unquote(string raw)
        {
            var result = new List<string>();
            string s = (raw ?? throw new ArgumentNullException(nameof(raw))).Trim();
            if (s.StartsWith("(", StringComparison.Ordinal) && s.EndsWith(")", StringComparison.Ordinal))
            {
                s = s.Substring(1, s.Length - 2);
            }

            int i = 0;
            while (i < s.Length)
            {
                while (i < s.Length && (s[i] == ',' || s[i] == ' '))
                {
                    i++;
                }

                if (i >= s.Length)
                {
                    break;
                }

                if (s[i] != '\'')
                {
                    int end = s.IndexOf(',', i);
                    end = end < 0 ? s.Length : end;
                    result.Add(s.Substring(i, end - i).Trim());
                    i = end;
                    continue;
                }

                var value = new System.Text.StringBuilder();
                i++;
                while (i < s.Length)
                {
                    if (s[i] == '\'' && i + 1 < s.Length && s[i + 1] == '\'')
                    {
                        value.Append('\'');
                        i += 2;
                    }
                    else if (s[i] == '\'')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        value.Append(s[i++]);
                    }
                }

                result.Add(value.ToString());
            }

            return result;
        }
    }

    /// <summary>
    /// FindDocuments parameters. Code lists are OR within a list; <see cref="EventCodes"/> and
    /// <see cref="ConfidentialityCodes"/> are lists of OR-groups joined by AND (ITI-18). Times are converted to UTC.
    /// </summary>
    public sealed record FindDocumentsQuery
    {
        /// <summary>$XDSDocumentEntryPatientId (CX; required).</summary>
        public string PatientId { get; init; } = string.Empty;

        /// <summary>$XDSDocumentEntryClassCode (OR).</summary>
        public EquatableList<CodedValue> ClassCodes { get; init; } = EquatableList<CodedValue>.Empty;

        /// <summary>$XDSDocumentEntryTypeCode (OR).</summary>
        public EquatableList<CodedValue> TypeCodes { get; init; } = EquatableList<CodedValue>.Empty;

        /// <summary>$XDSDocumentEntryPracticeSettingCode (OR).</summary>
        public EquatableList<CodedValue> PracticeSettingCodes { get; init; } = EquatableList<CodedValue>.Empty;

        /// <summary>$XDSDocumentEntryHealthcareFacilityTypeCode (OR).</summary>
        public EquatableList<CodedValue> HealthcareFacilityTypeCodes { get; init; } = EquatableList<CodedValue>.Empty;

        /// <summary>$XDSDocumentEntryFormatCode (OR).</summary>
        public EquatableList<CodedValue> FormatCodes { get; init; } = EquatableList<CodedValue>.Empty;

        /// <summary>$XDSDocumentEntryEventCodeList: AND of OR-groups.</summary>
        public EquatableList<EquatableList<CodedValue>> EventCodes { get; init; } = EquatableList<EquatableList<CodedValue>>.Empty;

        /// <summary>$XDSDocumentEntryConfidentialityCode: AND of OR-groups.</summary>
        public EquatableList<EquatableList<CodedValue>> ConfidentialityCodes { get; init; } = EquatableList<EquatableList<CodedValue>>.Empty;

        /// <summary>$XDSDocumentEntryCreationTimeFrom (inclusive).</summary>
        public DateTimeOffset? CreationTimeFrom { get; init; }

        /// <summary>$XDSDocumentEntryCreationTimeTo (exclusive).</summary>
        public DateTimeOffset? CreationTimeTo { get; init; }

        /// <summary>$XDSDocumentEntryServiceStartTimeFrom.</summary>
        public DateTimeOffset? ServiceStartTimeFrom { get; init; }

        /// <summary>$XDSDocumentEntryServiceStartTimeTo.</summary>
        public DateTimeOffset? ServiceStartTimeTo { get; init; }

        /// <summary>$XDSDocumentEntryServiceStopTimeFrom.</summary>
        public DateTimeOffset? ServiceStopTimeFrom { get; init; }

        /// <summary>$XDSDocumentEntryServiceStopTimeTo.</summary>
        public DateTimeOffset? ServiceStopTimeTo { get; init; }

        /// <summary>$XDSDocumentEntryAuthorPerson patterns (<c>%</c> and <c>_</c> wildcards; OR).</summary>
        public EquatableList<string> AuthorPersons { get; init; } = EquatableList<string>.Empty;

        /// <summary>Statuses asked for besides Approved (which the DMP rule always adds), e.g. Archived.</summary>
        public EquatableList<string> Statuses { get; init; } = EquatableList<string>.Empty;

        /// <summary>$XDSDocumentEntryType: objectType UUIDs (stable <see cref="XdsUuids.StableDocumentEntry"/>, on-demand), OR; none = stable only.</summary>
        public EquatableList<string> DocumentEntryTypes { get; init; } = EquatableList<string>.Empty;

        /// <summary>LeafClass (default) or ObjectRef.</summary>
        public string ReturnType { get; init; } = AdhocQueryRequest.LeafClass;
    }

    /// <summary>FindSubmissionSets parameters.</summary>
    public sealed record FindSubmissionSetsQuery
    {
        /// <summary>$XDSSubmissionSetPatientId (required).</summary>
        public string PatientId { get; init; } = string.Empty;

        /// <summary>$XDSSubmissionSetSourceId (OR).</summary>
        public EquatableList<string> SourceIds { get; init; } = EquatableList<string>.Empty;

        /// <summary>$XDSSubmissionSetSubmissionTimeFrom.</summary>
        public DateTimeOffset? SubmissionTimeFrom { get; init; }

        /// <summary>$XDSSubmissionSetSubmissionTimeTo.</summary>
        public DateTimeOffset? SubmissionTimeTo { get; init; }

        /// <summary>$XDSSubmissionSetAuthorPerson pattern.</summary>
        public string? AuthorPerson { get; init; }

        /// <summary>$XDSSubmissionSetContentType (OR).</summary>
        public EquatableList<CodedValue> ContentTypeCodes { get; init; } = EquatableList<CodedValue>.Empty;

        /// <summary>Statuses besides Approved.</summary>
        public EquatableList<string> Statuses { get; init; } = EquatableList<string>.Empty;

        /// <summary>LeafClass (default) or ObjectRef.</summary>
        public string ReturnType { get; init; } = AdhocQueryRequest.LeafClass;
    }

    /// <summary>
    /// Builds ITI-18 requests for every stored query, with ITI-18 quoting and the DMP's status rule: Approved is
    /// always asked for, plus the statuses the caller adds (spec §8.3).
    /// </summary>
    public static class StoredQueries
    {
        /// <summary>FindDocuments.</summary>
        /// <param name="query">The parameters.</param>
        /// <returns>The request.</returns>
        public static AdhocQueryRequest FindDocuments(FindDocumentsQuery query)
        {
            if (query is null)
            {
                throw new ArgumentNullException(nameof(query));
            }

            var p = new List<QueryParameter> { Single("$XDSDocumentEntryPatientId", RequirePatient(query.PatientId, "$XDSDocumentEntryPatientId")) };
            Codes(p, "$XDSDocumentEntryClassCode", query.ClassCodes);
            Codes(p, "$XDSDocumentEntryTypeCode", query.TypeCodes);
            Codes(p, "$XDSDocumentEntryPracticeSettingCode", query.PracticeSettingCodes);
            Time(p, "$XDSDocumentEntryCreationTimeFrom", query.CreationTimeFrom);
            Time(p, "$XDSDocumentEntryCreationTimeTo", query.CreationTimeTo);
            Time(p, "$XDSDocumentEntryServiceStartTimeFrom", query.ServiceStartTimeFrom);
            Time(p, "$XDSDocumentEntryServiceStartTimeTo", query.ServiceStartTimeTo);
            Time(p, "$XDSDocumentEntryServiceStopTimeFrom", query.ServiceStopTimeFrom);
            Time(p, "$XDSDocumentEntryServiceStopTimeTo", query.ServiceStopTimeTo);
            Codes(p, "$XDSDocumentEntryHealthcareFacilityTypeCode", query.HealthcareFacilityTypeCodes);
            AndCodes(p, "$XDSDocumentEntryEventCodeList", query.EventCodes);
            AndCodes(p, "$XDSDocumentEntryConfidentialityCode", query.ConfidentialityCodes);
            if (query.AuthorPersons.Count > 0)
            {
                p.Add(new QueryParameter("$XDSDocumentEntryAuthorPerson", query.AuthorPersons.Select(a => StoredQueryValue.Quote(a, "$XDSDocumentEntryAuthorPerson")).ToArray()));
            }

            Codes(p, "$XDSDocumentEntryFormatCode", query.FormatCodes);
            p.Add(Statuses("$XDSDocumentEntryStatus", query.Statuses));
            if (query.DocumentEntryTypes.Count > 0)
            {
                p.Add(new QueryParameter("$XDSDocumentEntryType", StoredQueryValue.List(query.DocumentEntryTypes, "$XDSDocumentEntryType")));
            }

            return Request(StoredQueryIds.FindDocuments, p, query.ReturnType);
        }

        /// <summary>
        /// FindDocumentsByReferenceId: FindDocuments plus <c>$XDSDocumentEntryReferenceIdList</c> (CXi values, e.g.
        /// <c>ACC123^^^&amp;1.2.3&amp;ISO^urn:ihe:iti:xds:2013:accession</c>; OR).
        /// </summary>
        /// <param name="query">The FindDocuments parameters.</param>
        /// <param name="referenceIds">The reference ids (at least one).</param>
        /// <returns>The request.</returns>
        public static AdhocQueryRequest FindDocumentsByReferenceId(FindDocumentsQuery query, IEnumerable<string> referenceIds)
        {
            AdhocQueryRequest request = FindDocuments(query);
            var p = request.Parameters.ToList();
            p.Insert(p.Count - (query!.DocumentEntryTypes.Count > 0 ? 2 : 1), new QueryParameter("$XDSDocumentEntryReferenceIdList", StoredQueryValue.List(referenceIds ?? throw new ArgumentNullException(nameof(referenceIds)), "$XDSDocumentEntryReferenceIdList")));
            return request with { QueryId = StoredQueryIds.FindDocumentsByReferenceId, Parameters = p };
        }

        /// <summary>FindSubmissionSets.</summary>
        /// <param name="query">The parameters.</param>
        /// <returns>The request.</returns>
        public static AdhocQueryRequest FindSubmissionSets(FindSubmissionSetsQuery query)
        {
            if (query is null)
            {
                throw new ArgumentNullException(nameof(query));
            }

            var p = new List<QueryParameter> { Single("$XDSSubmissionSetPatientId", RequirePatient(query.PatientId, "$XDSSubmissionSetPatientId")) };
            if (query.SourceIds.Count > 0)
            {
                p.Add(new QueryParameter("$XDSSubmissionSetSourceId", StoredQueryValue.List(query.SourceIds, "$XDSSubmissionSetSourceId")));
            }

            Time(p, "$XDSSubmissionSetSubmissionTimeFrom", query.SubmissionTimeFrom);
            Time(p, "$XDSSubmissionSetSubmissionTimeTo", query.SubmissionTimeTo);
            if (query.AuthorPerson is not null)
            {
                p.Add(Single("$XDSSubmissionSetAuthorPerson", query.AuthorPerson));
            }

            Codes(p, "$XDSSubmissionSetContentType", query.ContentTypeCodes);
            p.Add(Statuses("$XDSSubmissionSetStatus", query.Statuses));
            return Request(StoredQueryIds.FindSubmissionSets, p, query.ReturnType);
        }

        /// <summary>FindFolders.</summary>
        /// <param name="patientId">$XDSFolderPatientId.</param>
        /// <param name="codes">$XDSFolderCodeList (OR), or null.</param>
        /// <param name="lastUpdateTimeFrom">$XDSFolderLastUpdateTimeFrom, or null.</param>
        /// <param name="lastUpdateTimeTo">$XDSFolderLastUpdateTimeTo, or null.</param>
        /// <param name="statuses">Statuses besides Approved, or null.</param>
        /// <returns>The request.</returns>
        public static AdhocQueryRequest FindFolders(string patientId, IEnumerable<CodedValue>? codes, DateTimeOffset? lastUpdateTimeFrom, DateTimeOffset? lastUpdateTimeTo, IEnumerable<string>? statuses)
        {
            var p = new List<QueryParameter> { Single("$XDSFolderPatientId", RequirePatient(patientId, "$XDSFolderPatientId")) };
            Time(p, "$XDSFolderLastUpdateTimeFrom", lastUpdateTimeFrom);
            Time(p, "$XDSFolderLastUpdateTimeTo", lastUpdateTimeTo);
            Codes(p, "$XDSFolderCodeList", EquatableList<CodedValue>.From(codes));
            p.Add(Statuses("$XDSFolderStatus", EquatableList<string>.From(statuses)));
            return Request(StoredQueryIds.FindFolders, p, AdhocQueryRequest.LeafClass);
        }

        /// <summary>GetAll: everything about a patient (statuses: Approved plus those given, for every object kind).</summary>
        /// <param name="patientId">$patientId.</param>
        /// <param name="statuses">Statuses besides Approved, or null.</param>
        /// <returns>The request.</returns>
        public static AdhocQueryRequest GetAll(string patientId, IEnumerable<string>? statuses)
        {
            var extra = EquatableList<string>.From(statuses);
            var p = new List<QueryParameter>
            {
                Single("$patientId", RequirePatient(patientId, "$patientId")),
                Statuses("$XDSDocumentEntryStatus", extra),
                Statuses("$XDSSubmissionSetStatus", extra),
                Statuses("$XDSFolderStatus", extra),
            };
            return Request(StoredQueryIds.GetAll, p, AdhocQueryRequest.LeafClass);
        }

        /// <summary>GetDocuments by entryUUID or uniqueId.</summary>
        /// <param name="ids">The ids.</param>
        /// <param name="kind">Which kind of id.</param>
        /// <returns>The request.</returns>
        public static AdhocQueryRequest GetDocuments(IEnumerable<string> ids, XdsIdKind kind) =>
            ById(StoredQueryIds.GetDocuments, kind == XdsIdKind.EntryUuid ? "$XDSDocumentEntryEntryUUID" : "$XDSDocumentEntryUniqueId", ids);

        /// <summary>GetFolders by entryUUID or uniqueId.</summary>
        /// <param name="ids">The ids.</param>
        /// <param name="kind">Which kind of id.</param>
        /// <returns>The request.</returns>
        public static AdhocQueryRequest GetFolders(IEnumerable<string> ids, XdsIdKind kind) =>
            ById(StoredQueryIds.GetFolders, kind == XdsIdKind.EntryUuid ? "$XDSFolderEntryUUID" : "$XDSFolderUniqueId", ids);

        /// <summary>GetAssociations of objects given by entryUUID.</summary>
        /// <param name="entryUuids">The entryUUIDs.</param>
        /// <returns>The request.</returns>
        public static AdhocQueryRequest GetAssociations(IEnumerable<string> entryUuids) => ById(StoredQueryIds.GetAssociations, "$uuid", entryUuids);

        /// <summary>GetDocumentsAndAssociations by entryUUID or uniqueId.</summary>
        /// <param name="ids">The ids.</param>
        /// <param name="kind">Which kind of id.</param>
        /// <returns>The request.</returns>
        public static AdhocQueryRequest GetDocumentsAndAssociations(IEnumerable<string> ids, XdsIdKind kind) =>
            ById(StoredQueryIds.GetDocumentsAndAssociations, kind == XdsIdKind.EntryUuid ? "$XDSDocumentEntryEntryUUID" : "$XDSDocumentEntryUniqueId", ids);

        /// <summary>GetSubmissionSets that contain the objects given by entryUUID.</summary>
        /// <param name="entryUuids">The entryUUIDs.</param>
        /// <returns>The request.</returns>
        public static AdhocQueryRequest GetSubmissionSets(IEnumerable<string> entryUuids) => ById(StoredQueryIds.GetSubmissionSets, "$uuid", entryUuids);

        /// <summary>GetSubmissionSetAndContents.</summary>
        /// <param name="id">The submission set's entryUUID or uniqueId.</param>
        /// <param name="kind">Which kind of id.</param>
        /// <returns>The request.</returns>
        public static AdhocQueryRequest GetSubmissionSetAndContents(string id, XdsIdKind kind) =>
            One(StoredQueryIds.GetSubmissionSetAndContents, kind == XdsIdKind.EntryUuid ? "$XDSSubmissionSetEntryUUID" : "$XDSSubmissionSetUniqueId", id);

        /// <summary>GetFolderAndContents.</summary>
        /// <param name="id">The folder's entryUUID or uniqueId.</param>
        /// <param name="kind">Which kind of id.</param>
        /// <returns>The request.</returns>
        public static AdhocQueryRequest GetFolderAndContents(string id, XdsIdKind kind) =>
            One(StoredQueryIds.GetFolderAndContents, kind == XdsIdKind.EntryUuid ? "$XDSFolderEntryUUID" : "$XDSFolderUniqueId", id);

        /// <summary>GetFoldersForDocument.</summary>
        /// <param name="id">The document's entryUUID or uniqueId.</param>
        /// <param name="kind">Which kind of id.</param>
        /// <returns>The request.</returns>
        public static AdhocQueryRequest GetFoldersForDocument(string id, XdsIdKind kind) =>
            One(StoredQueryIds.GetFoldersForDocument, kind == XdsIdKind.EntryUuid ? "$XDSDocumentEntryEntryUUID" : "$XDSDocumentEntryUniqueId", id);

        /// <summary>GetRelatedDocuments: documents related to one by the given association types (e.g. RPLC, signs).</summary>
        /// <param name="id">The document's entryUUID or uniqueId.</param>
        /// <param name="kind">Which kind of id.</param>
        /// <param name="associationTypes">$AssociationTypes (at least one).</param>
        /// <returns>The request.</returns>
        public static AdhocQueryRequest GetRelatedDocuments(string id, XdsIdKind kind, IEnumerable<string> associationTypes)
        {
            AdhocQueryRequest request = One(StoredQueryIds.GetRelatedDocuments, kind == XdsIdKind.EntryUuid ? "$XDSDocumentEntryEntryUUID" : "$XDSDocumentEntryUniqueId", id);
            return request with { Parameters = request.Parameters.Add(new QueryParameter("$AssociationTypes", StoredQueryValue.List(associationTypes, "$AssociationTypes"))) };
        }

        private static string RequirePatient(string patientId, string parameter) =>
            string.IsNullOrEmpty(patientId)
                ? throw new XdsFormatException(parameter, XdsRules.QueryParameter, "The query needs the patient id (the INS as a CX).", null, false)
                : patientId;

        private static QueryParameter Single(string name, string value) => new(name, StoredQueryValue.Quote(value, name));

        private static void Time(List<QueryParameter> p, string name, DateTimeOffset? time)
        {
            if (time is { } t)
            {
                p.Add(new QueryParameter(name, XdsTime.Format(t)));
            }
        }

        private static void Codes(List<QueryParameter> p, string name, EquatableList<CodedValue> codes)
        {
            if (codes.Count > 0)
            {
                p.Add(new QueryParameter(name, StoredQueryValue.List(codes.Select(StoredQueryValue.Code), name)));
            }
        }

        private static void AndCodes(List<QueryParameter> p, string name, EquatableList<EquatableList<CodedValue>> groups)
        {
            var values = groups.Where(g => g.Count > 0).Select(g => StoredQueryValue.List(g.Select(StoredQueryValue.Code), name)).ToArray();
            if (values.Length > 0)
            {
                p.Add(new QueryParameter(name, values));
            }
        }

        private static QueryParameter Statuses(string name, EquatableList<string> extra)
        {
            var statuses = new List<string> { XdsAvailabilityStatus.Approved };
            statuses.AddRange(extra.Where(s => !statuses.Contains(s)));
            return new QueryParameter(name, StoredQueryValue.List(statuses, name));
        }

        private static AdhocQueryRequest ById(string queryId, string parameter, IEnumerable<string> ids) =>
            Request(queryId, new List<QueryParameter> { new(parameter, StoredQueryValue.List(ids, parameter)) }, AdhocQueryRequest.LeafClass);

        private static AdhocQueryRequest One(string queryId, string parameter, string id) =>
            Request(queryId, new List<QueryParameter> { Single(parameter, id) }, AdhocQueryRequest.LeafClass);

        private static AdhocQueryRequest Request(string queryId, List<QueryParameter> parameters, string returnType) => new()
        {
            QueryId = queryId,
            ReturnType = returnType,
            ReturnComposedObjects = true,
            Parameters = parameters,
        };
    }
}
