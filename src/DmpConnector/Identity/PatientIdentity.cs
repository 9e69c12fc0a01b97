using System;
using System.Collections.Generic;
using System.Linq;

namespace DmpConnector.Identity
{
    /// <summary>
    /// A patient as the practice software knows them: INS (when retrieved), strict traits, identity status, and local
    /// identifiers (IPP). Immutable.
    /// </summary>
    public sealed class PatientIdentity
    {
        /// <summary>Creates a patient identity.</summary>
        /// <param name="traits">The strict identity traits.</param>
        /// <param name="status">The RNIV identity status.</param>
        /// <param name="ins">The INS, when it was retrieved from INSi.</param>
        /// <param name="localIds">Local identifiers such as the IPP, as CX (<c>id^^^&amp;oid&amp;ISO^PI</c>).</param>
        public PatientIdentity(IdentityTraits traits, IdentityStatus status, Ins? ins = null, IEnumerable<Cx>? localIds = null)
        {
            Traits = traits ?? throw new ArgumentNullException(nameof(traits));
            Status = status;
            Ins = ins;
            LocalIds = Array.AsReadOnly((localIds ?? Enumerable.Empty<Cx>()).ToArray());
            if (LocalIds.Any(id => id is null))
            {
                throw new ArgumentException("Local ids cannot contain null.", nameof(localIds));
            }

            if (status is IdentityStatus.Qualified or IdentityStatus.Recovered && ins is null)
            {
                throw new DmpInputException("ins", "IDENTITY-INS-MISSING", $"a {StatusCode(status)} identity was retrieved from INSi and carries its INS", null, valueIsSensitive: false);
            }
        }

        /// <summary>The strict identity traits.</summary>
        public IdentityTraits Traits { get; }

        /// <summary>The RNIV identity status.</summary>
        public IdentityStatus Status { get; }

        /// <summary>The INS, or null when not retrieved.</summary>
        public Ins? Ins { get; }

        /// <summary>Local identifiers (IPP…).</summary>
        public IReadOnlyList<Cx> LocalIds { get; }

        /// <summary>True when the identity is qualified, the only status that lets the INS be exchanged.</summary>
        public bool IsQualified => Status == IdentityStatus.Qualified;

        /// <summary>The RNIV code of a status: <c>PROV</c>, <c>VALI</c>, <c>RECUP</c> or <c>QUAL</c>.</summary>
        /// <param name="status">The status.</param>
        /// <returns>The code.</returns>
        public static string StatusCode(IdentityStatus status) => status switch
        {
            IdentityStatus.Provisional => "PROV",
            IdentityStatus.Validated => "VALI",
            IdentityStatus.Recovered => "RECUP",
            IdentityStatus.Qualified => "QUAL",
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown identity status."),
        };

        /// <summary>Reads an RNIV status code (case-insensitive).</summary>
        /// <param name="code">The code: PROV, VALI, RECUP or QUAL.</param>
        /// <returns>The status.</returns>
        /// <exception cref="DmpInputException">The code is unknown (rule <c>IDENTITY-STATUS</c>).</exception>
        public static IdentityStatus ParseStatusCode(string code) => code?.ToUpperInvariant() switch
        {
            "PROV" => IdentityStatus.Provisional,
            "VALI" => IdentityStatus.Validated,
            "RECUP" => IdentityStatus.Recovered,
            "QUAL" => IdentityStatus.Qualified,
            _ => throw new DmpInputException("identityStatus", "IDENTITY-STATUS", "an identity status is PROV, VALI, RECUP or QUAL", code, valueIsSensitive: false),
        };

        /// <summary>
        /// The INS to put in an exchange (CDA, XDS patientId, VIHF). Only a qualified identity may carry it; the policy
        /// can relax that for test platforms, and then every use is logged as a warning.
        /// </summary>
        /// <param name="policy">The policy; <see cref="InsExchangePolicy.Strict"/> when null.</param>
        /// <returns>The INS.</returns>
        /// <exception cref="IdentityNotQualifiedException">There is no INS, or the identity is not qualified and the policy is strict.</exception>
        public Ins GetInsForExchange(InsExchangePolicy? policy = null)
        {
            policy ??= InsExchangePolicy.Strict;
            if (Ins is null)
            {
                throw new IdentityNotQualifiedException(Status, hasIns: false);
            }

            if (Status != IdentityStatus.Qualified)
            {
                if (!policy.AllowsUnqualifiedIdentities)
                {
                    throw new IdentityNotQualifiedException(Status, hasIns: true);
                }

                policy.ReportUnqualifiedUse(Status);
            }

            return Ins;
        }
    }
}
