using System;
using System.Collections.Generic;
using System.Linq;

namespace DmpConnector.Xds
{
    /// <summary>
    /// The registry or repository answered <c>Failure</c> (or, when asked, <c>PartialSuccess</c>): a service failure,
    /// not bad input. Carries the status, every <see cref="RegistryError"/> (code, location, the registry's own text)
    /// and the response itself. The message names the codes, locations and a plain-English explanation of each code; the
    /// registry's <c>codeContext</c> text is not copied into it (it may quote patient data) but stays in <see cref="Errors"/>.
    /// </summary>
    public sealed class XdsRegistryException : DmpException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="response">The response (RegistryResponse, AdhocQueryResponse or RetrieveDocumentSetResponse).</param>
        /// <param name="status">Its status URN.</param>
        /// <param name="errors">Its errors and warnings.</param>
        public XdsRegistryException(IXdsMessage response, string status, IReadOnlyList<RegistryError> errors)
            : base(Describe(status, errors ?? throw new ArgumentNullException(nameof(errors))))
        {
            Response = response;
            Status = status;
            Errors = errors;
        }

        /// <summary>The response as read.</summary>
        public IXdsMessage Response { get; }

        /// <summary>The status URN (Failure or PartialSuccess).</summary>
        public string Status { get; }

        /// <summary>The errors and warnings, in order.</summary>
        public IReadOnlyList<RegistryError> Errors { get; }

        /// <summary>The error codes (errors only, not warnings), e.g. <c>XDSPatientIdDoesNotMatch</c>.</summary>
        public IEnumerable<string> ErrorCodes => Errors.Where(e => !e.IsWarning).Select(e => e.ErrorCode);

        /// <summary>True when every error says the service is busy or unavailable, so the same call may succeed later.</summary>
        public override bool IsTransient => Errors.Any(e => !e.IsWarning) && Errors.Where(e => !e.IsWarning).All(e => XdsErrorCodes.IsTransient(e.ErrorCode));

        /// <summary>True when one of the errors has this code.</summary>
        /// <param name="errorCode">The code, e.g. <c>XDSDocumentUniqueIdError</c>.</param>
        /// <returns>True when present.</returns>
        public bool HasError(string errorCode) => Errors.Any(e => string.Equals(e.ErrorCode, errorCode, StringComparison.Ordinal));

        /// <summary>Throws when the response's status is Failure (or PartialSuccess when <paramref name="partialIsFailure"/>); other messages pass.</summary>
        /// <param name="response">A response read by <see cref="XdsReader"/>.</param>
        /// <param name="partialIsFailure">True to refuse PartialSuccess too (e.g. an ITI-43 that must return every document).</param>
        public static void ThrowIfFailed(IXdsMessage response, bool partialIsFailure)
        {
            (string? status, IReadOnlyList<RegistryError> errors) = response switch
            {
                RegistryResponse r => (r.Status, (IReadOnlyList<RegistryError>)r.Errors),
                AdhocQueryResponse r => (r.Status, r.Errors),
                RetrieveDocumentSetResponse r => (r.Response.Status, r.Response.Errors),
                null => throw new ArgumentNullException(nameof(response)),
                _ => ((string?)null, EquatableList<RegistryError>.Empty),
            };
            if (status == XdsResponseStatus.Failure || (partialIsFailure && status == XdsResponseStatus.PartialSuccess))
            {
                throw new XdsRegistryException(response, status, errors);
            }
        }

        private static string Describe(string status, IReadOnlyList<RegistryError> errors)
        {
            string what = status == XdsResponseStatus.PartialSuccess ? "partly failed" : "failed";
            RegistryError[] shown = errors.Where(e => !e.IsWarning).ToArray();
            if (shown.Length == 0)
            {
                return $"The XDS request {what} without an error code.";
            }

            string list = string.Join("; ", shown.Take(5).Select(e =>
                e.ErrorCode + (e.Location is null ? string.Empty : " at " + e.Location) + ": " + XdsErrorCodes.Explain(e.ErrorCode)));
            return $"The XDS request {what}: {list}{(shown.Length > 5 ? "; …" : string.Empty)}";
        }
    }

    /// <summary>The standard XDS.b error codes (ITI TF-3 Table 4.2.4.1-2, spec §8.4) with a plain-English explanation.</summary>
    public static class XdsErrorCodes
    {
        private static readonly Dictionary<string, string> Explanations = new(StringComparer.Ordinal)
        {
            ["XDSMissingDocument"] = "a DocumentEntry has no document attached",
            ["XDSMissingDocumentMetadata"] = "a document was sent without its DocumentEntry",
            ["XDSRegistryNotAvailable"] = "the repository could not reach the registry; try again later",
            ["XDSRegistryError"] = "the registry failed internally",
            ["XDSRepositoryError"] = "the repository failed internally",
            ["XDSRegistryDuplicateUniqueIdInMessage"] = "two objects of the submission share a uniqueId",
            ["XDSRepositoryDuplicateUniqueIdInMessage"] = "two documents of the submission share a uniqueId",
            ["XDSDuplicateUniqueIdInRegistry"] = "a uniqueId of the submission already exists in the registry (generate a new one for a new document or version)",
            ["XDSNonIdenticalHash"] = "the hash given does not match the document received",
            ["XDSNonIdenticalSize"] = "the size given does not match the document received",
            ["XDSRegistryBusy"] = "the registry is busy; try again later",
            ["XDSRepositoryBusy"] = "the repository is busy; try again later",
            ["XDSRegistryOutOfResources"] = "the registry is out of resources; try again later",
            ["XDSRepositoryOutOfResources"] = "the repository is out of resources; try again later",
            ["XDSRegistryMetadataError"] = "the registry refused the metadata (a required attribute, a code or a format)",
            ["XDSRepositoryMetadataError"] = "the repository refused the metadata",
            ["XDSTooManyResults"] = "the query matches too many entries; narrow it (codes, dates) or ask for ObjectRef",
            ["XDSExtraMetadataNotSaved"] = "extra metadata was ignored",
            ["XDSUnknownPatientId"] = "the registry does not know this patient id (INS)",
            ["XDSPatientIdDoesNotMatch"] = "a patient id differs between the submission set and a document entry, or from the registry's",
            ["XDSUnknownStoredQuery"] = "the stored query id is unknown",
            ["XDSStoredQueryMissingParam"] = "a required stored-query parameter is missing",
            ["XDSStoredQueryParamNumber"] = "a stored-query parameter has too many values",
            ["XDSSqlError"] = "the registry's database failed",
            ["XDSRegistryDeprecatedDocumentError"] = "the document replaced or appended to is deprecated",
            ["XDSUnknownRepositoryId"] = "the repositoryUniqueId is unknown",
            ["XDSResultNotSinglePatient"] = "the result would mix several patients",
            ["XDSUnknownCommunity"] = "the homeCommunityId is unknown",
            ["XDSMissingHomeCommunityId"] = "the homeCommunityId is required",
            ["XDSUnavailableCommunity"] = "the community cannot be reached; try again later",
            ["XDSDocumentUniqueIdError"] = "no document has this uniqueId in the repository (ITI-43 needs the uniqueId, not the entryUUID)",
            ["XDSMetadataUpdateError"] = "the update (ITI-57) was refused",
            ["XDSMetadataVersionError"] = "the version given is not the registry's latest one (ITI-57)",
        };

        private static readonly HashSet<string> Transient = new(StringComparer.Ordinal)
        {
            "XDSRegistryNotAvailable", "XDSRegistryBusy", "XDSRepositoryBusy", "XDSRegistryOutOfResources", "XDSRepositoryOutOfResources", "XDSUnavailableCommunity",
        };

        /// <summary>A plain-English explanation of an XDS error code (a generic one for codes not in the standard list, e.g. the DMP's own).</summary>
        /// <param name="errorCode">The code.</param>
        /// <returns>The explanation.</returns>
        public static string Explain(string errorCode) =>
            errorCode is not null && Explanations.TryGetValue(errorCode, out string? text) ? text : "an error code this SDK does not know (see the registry's codeContext)";

        /// <summary>True for the codes that say the service is busy or unavailable (retrying later may help).</summary>
        /// <param name="errorCode">The code.</param>
        /// <returns>True when transient.</returns>
        public static bool IsTransient(string errorCode) => errorCode is not null && Transient.Contains(errorCode);
    }
}
