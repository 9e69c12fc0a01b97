using System;
using DmpConnector.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DmpConnector.Identity
{
    /// <summary>
    /// Whether the INS of an identity that is not qualified may be sent. The default, <see cref="Strict"/>, follows the
    /// RNIV rule and refuses. Test platforms, whose test identities are rarely qualified, can use
    /// <see cref="AllowUnqualifiedIdentitiesForTesting"/>: every such use is logged as a warning.
    /// </summary>
    public sealed partial class InsExchangePolicy
    {
        private readonly ILogger _logger;

        private InsExchangePolicy(bool allowsUnqualified, ILogger logger)
        {
            AllowsUnqualifiedIdentities = allowsUnqualified;
            _logger = logger;
        }

        /// <summary>The RNIV rule: only qualified identities carry their INS.</summary>
        public static InsExchangePolicy Strict { get; } = new(false, NullLogger.Instance);

        /// <summary>True when unqualified identities may carry their INS (test platforms only).</summary>
        public bool AllowsUnqualifiedIdentities { get; }

        /// <summary>
        /// A policy for test platforms that lets unqualified identities carry their INS. Logs a warning now and on
        /// every use (event <see cref="DmpLogEvents.UnqualifiedIdentityAllowed"/>). Never use it in production.
        /// </summary>
        /// <param name="logger">Where the warnings go; required so the relaxation is never silent.</param>
        /// <returns>The relaxed policy.</returns>
        public static InsExchangePolicy AllowUnqualifiedIdentitiesForTesting(ILogger logger)
        {
            if (logger is null)
            {
                throw new ArgumentNullException(nameof(logger));
            }

            LogRelaxedPolicyCreated(logger);
            return new InsExchangePolicy(true, logger);
        }

        internal void ReportUnqualifiedUse(IdentityStatus status) => LogUnqualifiedUse(_logger, PatientIdentity.StatusCode(status));

        [LoggerMessage(EventId = DmpLogEvents.UnqualifiedIdentityPolicyCreated, EventName = nameof(DmpLogEvents.UnqualifiedIdentityPolicyCreated), Level = LogLevel.Warning,
            Message = "TEST PLATFORM ONLY: a policy letting unqualified identities carry their INS was created. The RNIV forbids this in production.")]
        private static partial void LogRelaxedPolicyCreated(ILogger logger);

        [LoggerMessage(EventId = DmpLogEvents.UnqualifiedIdentityAllowed, EventName = nameof(DmpLogEvents.UnqualifiedIdentityAllowed), Level = LogLevel.Warning,
            Message = "TEST PLATFORM ONLY: the INS of an identity with status {IdentityStatus} is being sent because the test policy allows it.")]
        private static partial void LogUnqualifiedUse(ILogger logger, string identityStatus);
    }
}
