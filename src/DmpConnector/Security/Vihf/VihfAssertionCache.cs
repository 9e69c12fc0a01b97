using System;
using System.Collections.Generic;
using DmpConnector.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DmpConnector.Security
{
    /// <summary>
    /// Reuses a signed VIHF for the same user, patient and modes within a lifetime, so a CPS card is not asked to sign
    /// (and the user not asked for a PIN-protected operation) on every DMP call.
    /// </summary>
    /// <remarks>
    /// <para>The key is: the professional's IdNat, the structure, the authentication mode, the signing certificate, the
    /// patient's INS (and its kind) or none, and the access mode. An entry is reused while the cache's clock is before
    /// its creation time plus <see cref="Lifetime"/>; the DMP's own acceptance window is not published, so keep the
    /// lifetime short (the default is 5 minutes).</para>
    /// <para>Thread-safe: concurrent calls for the same key sign once; calls for other keys do not wait for that signature (a card may be waiting for its PIN). The patient's INS is held in memory as part of the
    /// key and never logged.</para>
    /// </remarks>
    public class VihfAssertionCache
    {
        /// <summary>The default lifetime: 5 minutes.</summary>
        public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(5);

        /// <summary>The rule id of an invalid lifetime.</summary>
        public const string LifetimeRule = "VIHF-CACHE-LIFETIME";

        private readonly VihfBuilder _builder;
        private readonly ISecurityClock _clock;
        private readonly ILogger _logger;
        private readonly object _gate = new();
        private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
        private readonly Dictionary<string, object> _keyLocks = new(StringComparer.Ordinal);

        /// <summary>Creates a cache.</summary>
        /// <param name="builder">The builder that makes the assertions.</param>
        /// <param name="lifetime">How long an assertion is reused; <see cref="DefaultLifetime"/> when null.</param>
        /// <param name="clock">The clock of expiry; the system clock when null.</param>
        /// <param name="logger">A logger (debug events on reuse).</param>
        public VihfAssertionCache(VihfBuilder builder, TimeSpan? lifetime = null, ISecurityClock? clock = null, ILogger? logger = null)
        {
            _builder = builder ?? throw new ArgumentNullException(nameof(builder));
            Lifetime = lifetime ?? DefaultLifetime;
            if (Lifetime <= TimeSpan.Zero)
            {
                throw new DmpInputException(nameof(lifetime), LifetimeRule, "the cache lifetime must be positive", Lifetime.ToString(), valueIsSensitive: false);
            }

            _clock = clock ?? SystemSecurityClock.Instance;
            _logger = logger ?? NullLogger.Instance;
        }

        /// <summary>How long an assertion is reused.</summary>
        public TimeSpan Lifetime { get; }

        /// <summary>The number of entries held (expired ones included until the next miss).</summary>
        public int Count
        {
            get
            {
                lock (_gate)
                {
                    return _entries.Count;
                }
            }
        }

        /// <summary>Returns a valid cached assertion for this key, or builds, signs and caches a new one.</summary>
        /// <param name="user">The user context.</param>
        /// <param name="patient">The patient's INS, or null.</param>
        /// <param name="accessMode">The access mode.</param>
        /// <param name="credential">The signing key.</param>
        /// <returns>The signed assertion.</returns>
        public virtual VihfAssertion GetOrCreate(VihfUserContext user, Ins? patient, VihfAccessMode accessMode, SigningCredential credential)
        {
            if (user is null)
            {
                throw new ArgumentNullException(nameof(user));
            }

            if (credential is null)
            {
                throw new ArgumentNullException(nameof(credential));
            }

            string key = string.Join(
                "|",
                user.Professional.Id.Value,
                user.Organization.Id.Value,
                VihfCodes.Of(user.AuthenticationMode),
                credential.Certificate.Thumbprint,
                patient is null ? "-" : patient.Oid + ":" + patient.Value,
                VihfCodes.Of(accessMode));
            object keyLock;
            lock (_gate)
            {
                if (TryGetValid(key, out VihfAssertion? hit))
                {
                    return hit;
                }

                if (!_keyLocks.TryGetValue(key, out keyLock!))
                {
                    keyLock = new object();
                    _keyLocks[key] = keyLock;
                }
            }

            // One signer per key; other keys (other users, other patients) do not wait for this signature, which may
            // wait for a card and its PIN.
            lock (keyLock)
            {
                lock (_gate)
                {
                    if (TryGetValid(key, out VihfAssertion? hit))
                    {
                        return hit;
                    }
                }

                VihfAssertion assertion = _builder.BuildSigned(user, patient, accessMode, credential);
                lock (_gate)
                {
                    DateTimeOffset now = _clock.UtcNow;
                    RemoveExpired(now);
                    _entries[key] = new Entry(assertion, now + Lifetime);
                }

                return assertion;
            }
        }

        private bool TryGetValid(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out VihfAssertion? assertion)
        {
            if (_entries.TryGetValue(key, out Entry? cached) && _clock.UtcNow < cached.ExpiresAt)
            {
                if (_logger.IsEnabled(LogLevel.Debug))
                {
                    SecurityLog.VihfCacheHit(_logger, cached.Assertion.Id, cached.ExpiresAt);
                }

                assertion = cached.Assertion;
                return true;
            }

            assertion = null;
            return false;
        }

        /// <summary>Forgets every cached assertion (e.g. when the user logs out or the card is removed).</summary>
        public void Clear()
        {
            lock (_gate)
            {
                _entries.Clear();
                _keyLocks.Clear();
            }
        }

        private void RemoveExpired(DateTimeOffset now)
        {
            var expired = new List<string>();
            foreach (KeyValuePair<string, Entry> pair in _entries)
            {
                if (now >= pair.Value.ExpiresAt)
                {
                    expired.Add(pair.Key);
                }
            }

            foreach (string key in expired)
            {
                _entries.Remove(key);
                _keyLocks.Remove(key);
            }
        }

        private sealed class Entry
        {
            public Entry(VihfAssertion assertion, DateTimeOffset expiresAt)
            {
                Assertion = assertion;
                ExpiresAt = expiresAt;
            }

            public VihfAssertion Assertion { get; }

            public DateTimeOffset ExpiresAt { get; }
        }
    }
}
