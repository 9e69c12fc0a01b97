using System;

namespace DmpConnector.Security
{
    /// <summary>
    /// The time the security layer reads (VIHF IssueInstant, XAdES SigningTime, assertion cache expiry). A seam so tests
    /// and applications can control time; <see cref="SystemSecurityClock"/> by default.
    /// </summary>
    public interface ISecurityClock
    {
        /// <summary>The current time, UTC.</summary>
        DateTimeOffset UtcNow { get; }
    }

    /// <summary>The system clock.</summary>
    public sealed class SystemSecurityClock : ISecurityClock
    {
        private SystemSecurityClock()
        {
        }

        /// <summary>The instance.</summary>
        public static SystemSecurityClock Instance { get; } = new();

        /// <inheritdoc />
        public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;
    }
}
