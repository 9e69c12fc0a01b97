using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace DmpConnector.Security
{
    /// <summary>
    /// A PKCS#11 token (a CPS card in its reader, SoftHSM2 in tests), found by label or serial, with one long-lived login
    /// session. Its credentials (<see cref="GetCredential"/>) sign on the token; the private keys never leave it.
    /// Thread-safe.
    /// </summary>
    /// <remarks>
    /// <para>The PIN is asked through <see cref="Pkcs11TokenOptions.PinCallback"/> when a private key is first needed,
    /// passed to <c>C_Login</c> and not kept. Login belongs to the application, not to a session: the token keeps one
    /// session open for as long as it lives so the login lasts; <c>CKR_USER_ALREADY_LOGGED_IN</c> counts as success.
    /// When a private key is not visible (the token was logged out by another component), it logs in again once.</para>
    /// <para>A wrong PIN is reported once (<see cref="CardPinIncorrectException"/>) and never retried: later operations
    /// fail at once without touching the card until the application calls <see cref="Login"/> with a new PIN.
    /// A removed card gives <see cref="CardRemovedException"/>; the next operation looks for the token again.</para>
    /// <para>Each signature uses its own session from a small pool, so concurrent signatures never share a session.
    /// The module is loaded once per process and never finalised (see docs/card.md).</para>
    /// </remarks>
    public sealed partial class Pkcs11Token : IDisposable
    {
        private readonly Pkcs11TokenOptions _options;
        private readonly IPkcs11Library _library;
        private readonly ILogger _logger;
        private readonly object _gate = new();
        private readonly ConcurrentBag<PooledSession> _pool = new();
        private ISlot? _slot;
        private ISession? _loginSession;
        private int _generation;
        private int _loginEpoch;
        private volatile bool _loggedIn;
        private bool _pinRejected;
        private bool _mechanismChecked;
        private bool _disposed;

        private Pkcs11Token(Pkcs11TokenOptions options, IPkcs11Library library, ISlot slot, ITokenInfo info)
        {
            _options = options;
            _library = library;
            _logger = options.Logger ?? NullLogger.Instance;
            _slot = slot;
            Label = info.Label.Trim();
            SerialNumber = info.SerialNumber.Trim();
            Model = info.Model.Trim();
        }

        /// <summary>The token's label.</summary>
        public string Label { get; }

        /// <summary>The token's serial number.</summary>
        public string SerialNumber { get; }

        /// <summary>The token's model.</summary>
        public string Model { get; }

        /// <summary>The module path the token was opened with.</summary>
        public string ModulePath => _options.ModulePath;

        /// <summary>True when this application is logged in to the token (as far as the token says).</summary>
        public bool IsLoggedIn
        {
            get
            {
                lock (_gate)
                {
                    try
                    {
                        return _loginSession is not null && IsUserState(_loginSession);
                    }
                    catch (Pkcs11Exception)
                    {
                        return false;   // the session died with the card
                    }
                }
            }
        }

        /// <summary>
        /// Opens a token: loads the module (once per process), finds the token by label and/or serial. Does not log in:
        /// the PIN is asked when a private key is first used, or by <see cref="Login"/>.
        /// </summary>
        /// <param name="options">Module, token and PIN callback.</param>
        /// <returns>The open token; dispose it when done (it closes its sessions; it never finalises the module).</returns>
        public static Pkcs11Token Open(Pkcs11TokenOptions options)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            ILogger logger = options.Logger ?? NullLogger.Instance;
            IPkcs11Library library = Pkcs11ModuleRegistry.Get(options.ModulePath, logger);
            (ISlot slot, ITokenInfo info) = FindSlot(library, options);
            var token = new Pkcs11Token(options, library, slot, info);
            LogTokenOpened(logger, token.Label, token.SerialNumber, slot.SlotId);
            return token;
        }

        /// <summary>
        /// Lists the slots of a module, their tokens and the certificates on them (public objects: no PIN needed).
        /// What support asks for first; <c>dmp token list</c> prints it.
        /// </summary>
        /// <param name="modulePath">The PKCS#11 module.</param>
        /// <returns>Every slot, with or without a token.</returns>
        public static IReadOnlyList<Pkcs11SlotInfo> ListSlots(string modulePath)
        {
            IPkcs11Library library = Pkcs11ModuleRegistry.Get(modulePath, NullLogger.Instance);
            var result = new List<Pkcs11SlotInfo>();
            foreach (ISlot slot in Call(() => library.GetSlotList(SlotsType.WithOrWithoutTokenPresent), "module"))
            {
                ISlotInfo slotInfo = Call(slot.GetSlotInfo, "slot");
                Pkcs11TokenInfo? token = null;
                string? error = null;
                if (slotInfo.SlotFlags.TokenPresent)
                {
                    try
                    {
                        ITokenInfo info = slot.GetTokenInfo();
                        IReadOnlyList<Pkcs11CertificateInfo> certificates = Array.Empty<Pkcs11CertificateInfo>();
                        if (info.TokenFlags.TokenInitialized)
                        {
                            using ISession session = slot.OpenSession(SessionType.ReadOnly);
                            certificates = ReadCertificates(session, info.Label.Trim());
                        }

                        token = new Pkcs11TokenInfo(info.Label.Trim(), info.SerialNumber.Trim(), info.Model.Trim(), info.ManufacturerId.Trim(),
                            info.TokenFlags.UserPinLocked, info.TokenFlags.UserPinCountLow, certificates);
                    }
                    catch (Pkcs11Exception ex)
                    {
                        // One bad reader must not hide the others: report it on its slot.
                        error = ex.RV.ToString();
                    }
                }

                result.Add(new Pkcs11SlotInfo(slotInfo.SlotId, slotInfo.SlotDescription.Trim(), token, error));
            }

            return result;
        }

        /// <summary>The X.509 certificates on the token, with their CKA_ID and purposes.</summary>
        /// <returns>The certificates (public objects; no PIN needed).</returns>
        public IReadOnlyList<Pkcs11CertificateInfo> GetCertificates() => WithSession<IReadOnlyList<Pkcs11CertificateInfo>>(session => ReadCertificates(session, Label));

        /// <summary>
        /// The credential for one purpose: the certificate whose key usage serves it (CPS cards: nonRepudiation for
        /// the signature key, digitalSignature for the authentication key) and the private key with the same CKA_ID.
        /// </summary>
        /// <param name="purpose"><see cref="KeyPurposes.Signature"/> (VIHF, XAdES) or <see cref="KeyPurposes.Authentication"/> (mutual TLS).</param>
        /// <returns>A credential signing on this token; it does not own the token.</returns>
        public Pkcs11SigningCredential GetCredential(KeyPurposes purpose)
        {
            if (purpose is not (KeyPurposes.Signature or KeyPurposes.Authentication))
            {
                throw new DmpInputException(nameof(purpose), KeyPurposeException.Rule, "ask for exactly one purpose: Signature or Authentication", purpose.ToString(), valueIsSensitive: false);
            }

            IReadOnlyList<Pkcs11CertificateInfo> all = GetCertificates();
            var matching = all.Where(c => (c.Purposes & purpose) == purpose).ToList();
            if (matching.Count > 1)
            {
                // A CPS card has one certificate per purpose; prefer the one dedicated to it (not serving both).
                var dedicated = matching.Where(c => c.Purposes == purpose).ToList();
                matching = dedicated.Count == 1 ? dedicated : matching;
            }

            if (matching.Count != 1)
            {
                string found = all.Count == 0 ? "none" : string.Join(", ", all.Select(c => $"CKA_ID {c.Id} '{c.Label}' ({c.Purposes})"));
                throw new CardKeyNotFoundException(matching.Count == 0
                    ? $"The token '{Label}' has no certificate for {purpose}. Certificates found: {found}."
                    : $"The token '{Label}' has several certificates for {purpose}; choose one by CKA_ID with GetCredentialById. Certificates found: {found}.");
            }

            return new Pkcs11SigningCredential(this, matching[0], ownsToken: false);
        }

        /// <summary>The credential whose certificate has this CKA_ID (purposes from its key usage).</summary>
        /// <param name="id">CKA_ID in hexadecimal (as <c>dmp token list</c> prints it).</param>
        /// <returns>A credential signing on this token; it does not own the token.</returns>
        public Pkcs11SigningCredential GetCredentialById(string id)
        {
            string wanted = (id ?? string.Empty).Replace(":", string.Empty).ToLowerInvariant();
            Pkcs11CertificateInfo info = GetCertificates().FirstOrDefault(c => c.Id == wanted)
                ?? throw new CardKeyNotFoundException($"The token '{Label}' has no certificate with CKA_ID {id}.");
            return new Pkcs11SigningCredential(this, info, ownsToken: false);
        }

        /// <summary>
        /// Logs in now, asking the PIN through the callback. This is also the way to try again after
        /// <see cref="CardPinIncorrectException"/>: automatic logins stay blocked until this is called.
        /// </summary>
        public void Login()
        {
            lock (_gate)
            {
                ThrowIfDisposed();
                _pinRejected = false;
                _loggedIn = false;
                EnsureLoggedInLocked(isRelogin: false);
            }
        }

        /// <summary>Logs in if the application is not logged in yet (PIN through the callback); no-op otherwise.</summary>
        internal void EnsureLoggedIn()
        {
            lock (_gate)
            {
                ThrowIfDisposed();
                EnsureLoggedInLocked(isRelogin: false);
            }
        }

        /// <summary>The token's logger (never null).</summary>
        internal ILogger Logger => _logger;

        /// <summary>
        /// Logs the application out of the token (all its sessions, including those of other components using the same
        /// module in this process). The next signature asks for the PIN again.
        /// </summary>
        public void Logout()
        {
            lock (_gate)
            {
                ThrowIfDisposed();
                _loggedIn = false;
                if (_slot is null)
                {
                    return;
                }

                try
                {
                    _loginSession ??= _slot.OpenSession(SessionType.ReadOnly);
                    if (IsUserState(_loginSession))
                    {
                        _loginSession.Logout();
                    }
                }
                catch (Pkcs11Exception ex) when (ex.RV == CKR.CKR_USER_NOT_LOGGED_IN)
                {
                }
                catch (Pkcs11Exception ex)
                {
                    throw FailLocked(ex);
                }
            }
        }

        /// <summary>Closes the token's sessions. It does not log out other users and never finalises the module.</summary>
        public void Dispose()
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
                ResetLocked();
            }
        }

        /// <summary>Signs <paramref name="data"/> (a DigestInfo) with the private key that has CKA_ID <paramref name="id"/>, CKM_RSA_PKCS.</summary>
        internal byte[] Sign(byte[] id, string idHex, byte[] data)
        {
            for (int attempt = 0; ; attempt++)
            {
                PooledSession pooled = Rent(attempt > 0, out int epoch);
                bool keep = true;
                try
                {
                    IObjectHandle? key = FindPrivateKey(pooled.Session, id);
                    if (key is null)
                    {
                        Return(pooled);
                        keep = false;
                        if (attempt == 0)
                        {
                            // Logged out looks like "no such key" (pitfall 19): log in again, once.
                            LogKeyMissingRelogin(_logger, Label, idHex);
                            _loggedIn = false;
                            continue;
                        }

                        // Still no key after a fresh login: either the card went away under us (a pulled card, a
                        // deleted token) or it really lacks the key. Ask the token itself which one it is.
                        throw (CardException?)ProbeRemoval() ?? new CardKeyNotFoundException($"The token '{Label}' has no private key with CKA_ID {idHex}, even after logging in.");
                    }

                    using IMechanism mechanism = Pkcs11ModuleRegistry.Factories.MechanismFactory.Create(CKM.CKM_RSA_PKCS);
                    return pooled.Session.Sign(mechanism, key, data);
                }
                catch (Pkcs11Exception ex)
                {
                    keep = false;
                    CloseQuietly(pooled.Session);
                    // A logout by another component while this signature was under way can surface as any error
                    // (SoftHSM2 answers CKR_GENERAL_ERROR): if the application was logged out meanwhile, it is a
                    // logout, and gets the one re-login a missing key gets.
                    if (attempt == 0 && (Pkcs11Errors.IsLoggedOutOrStaleHandle(ex.RV) || LoggedOutSince(epoch)))
                    {
                        LogKeyMissingRelogin(_logger, Label, idHex);
                        _loggedIn = false;
                        continue;
                    }

                    throw Fail(ex);
                }
                finally
                {
                    if (keep)
                    {
                        Return(pooled);
                    }
                }
            }
        }

        /// <summary>Returns a <see cref="CardRemovedException"/> (and forgets the slot) when the token no longer answers; null when it does.</summary>
        private CardRemovedException? ProbeRemoval()
        {
            lock (_gate)
            {
                if (_slot is null)
                {
                    return new CardRemovedException(Label, null);
                }

                try
                {
                    _ = _slot.GetTokenInfo();
                    return null;
                }
                catch (Pkcs11Exception ex)
                {
                    LogTokenRemoved(_logger, Label, ex.RV.ToString());
                    ResetLocked();
                    return new CardRemovedException(Label, ex.RV.ToString(), ex);
                }
            }
        }

        private static void CloseQuietly(ISession session)
        {
            try
            {
                session.Dispose();
            }
            catch (Pkcs11Exception)
            {
                // The session died with the card; nothing to close.
            }
        }

        /// <summary>True when the application logged in again, or is logged out, since <paramref name="epoch"/>.</summary>
        private bool LoggedOutSince(int epoch)
        {
            lock (_gate)
            {
                if (_loginEpoch != epoch)
                {
                    return true;
                }

                try
                {
                    return _loginSession is not null && !IsUserState(_loginSession);
                }
                catch (Pkcs11Exception)
                {
                    return false;   // the session itself is gone: that is a removal, mapped as such
                }
            }
        }

        private PooledSession Rent(bool isRelogin, out int epoch)
        {
            int generation;
            ISlot slot;
            lock (_gate)
            {
                ThrowIfDisposed();
                if (!_loggedIn || isRelogin)
                {
                    EnsureLoggedInLocked(isRelogin);
                }

                if (!_mechanismChecked)
                {
                    CheckMechanismLocked();
                }

                generation = _generation;
                epoch = _loginEpoch;
                slot = _slot!;
            }

            while (_pool.TryTake(out PooledSession? pooled))
            {
                if (pooled.Generation == generation)
                {
                    return pooled;
                }

                CloseQuietly(pooled.Session);
            }

            try
            {
                return new PooledSession(slot.OpenSession(SessionType.ReadOnly), generation);
            }
            catch (Pkcs11Exception ex)
            {
                throw Fail(ex);
            }
        }

        private void Return(PooledSession pooled)
        {
            if (pooled.Generation == Volatile.Read(ref _generation) && !_disposed)
            {
                _pool.Add(pooled);
            }
            else
            {
                CloseQuietly(pooled.Session);
            }
        }

        private static IObjectHandle? FindPrivateKey(ISession session, byte[] id)
        {
            var template = new List<IObjectAttribute>
            {
                Pkcs11ModuleRegistry.Factories.ObjectAttributeFactory.Create(CKA.CKA_CLASS, CKO.CKO_PRIVATE_KEY),
                Pkcs11ModuleRegistry.Factories.ObjectAttributeFactory.Create(CKA.CKA_KEY_TYPE, CKK.CKK_RSA),
                Pkcs11ModuleRegistry.Factories.ObjectAttributeFactory.Create(CKA.CKA_ID, id),
            };
            List<IObjectHandle> found = session.FindAllObjects(template);
            return found.Count == 0 ? null : found[0];
        }

        private void EnsureLoggedInLocked(bool isRelogin)
        {
            if (_slot is null)
            {
                // The card was removed earlier: find the token again by label/serial (slot ids change).
                (ISlot slot, _) = FindSlot(_library, _options);
                _slot = slot;
                isRelogin = true;
            }

            try
            {
                _loginSession ??= _slot.OpenSession(SessionType.ReadOnly);
                if (IsUserState(_loginSession))
                {
                    _loggedIn = true;
                    return;
                }
            }
            catch (Pkcs11Exception ex)
            {
                throw FailLocked(ex);
            }

            if (_pinRejected)
            {
                throw new CardPinIncorrectException(Label, "CKR_PIN_INCORRECT (earlier attempt; not retried)");
            }

            ITokenInfo info;
            try
            {
                info = _slot.GetTokenInfo();
            }
            catch (Pkcs11Exception ex)
            {
                throw FailLocked(ex);
            }

            if (info.TokenFlags.UserPinLocked)
            {
                throw new CardPinLockedException(Label, "CKF_USER_PIN_LOCKED");
            }

            string? pin = _options.PinCallback?.Invoke(new Pkcs11PinRequest(Label, SerialNumber, isRelogin, info.TokenFlags.UserPinCountLow, info.TokenFlags.UserPinFinalTry));
            if (pin is null)
            {
                throw new CardLoginCancelledException(Label);
            }

            try
            {
                _loginSession.Login(CKU.CKU_USER, pin);
            }
            catch (Pkcs11Exception ex) when (ex.RV == CKR.CKR_USER_ALREADY_LOGGED_IN)
            {
                // Another session of this application logged in meanwhile: that is the state we want.
            }
            catch (Pkcs11Exception ex) when (ex.RV is CKR.CKR_PIN_INCORRECT or CKR.CKR_PIN_INVALID or CKR.CKR_PIN_LEN_RANGE)
            {
                _pinRejected = true;
                LogPinIncorrect(_logger, Label);
                throw new CardPinIncorrectException(Label, ex.RV.ToString(), ex);
            }
            catch (Pkcs11Exception ex)
            {
                throw FailLocked(ex);
            }

            _loggedIn = true;
            _loginEpoch++;
            LogLoggedIn(_logger, Label, isRelogin);
        }

        private void CheckMechanismLocked()
        {
            List<CKM> mechanisms;
            try
            {
                mechanisms = _slot!.GetMechanismList();
            }
            catch (Pkcs11Exception ex)
            {
                throw FailLocked(ex);
            }

            if (!mechanisms.Contains(CKM.CKM_RSA_PKCS))
            {
                throw new CardMechanismNotSupportedException(Label, nameof(CKM.CKM_RSA_PKCS));
            }

            _mechanismChecked = true;
        }

        private T WithSession<T>(Func<ISession, T> action)
        {
            ISlot slot;
            lock (_gate)
            {
                ThrowIfDisposed();
                if (_slot is null)
                {
                    (_slot, _) = FindSlot(_library, _options);
                }

                slot = _slot;
            }

            try
            {
                using ISession session = slot.OpenSession(SessionType.ReadOnly);
                return action(session);
            }
            catch (Pkcs11Exception ex)
            {
                throw Fail(ex);
            }
        }

        private CardException Fail(Pkcs11Exception ex)
        {
            lock (_gate)
            {
                return FailLocked(ex);
            }
        }

        private CardException FailLocked(Pkcs11Exception ex)
        {
            if (Pkcs11Errors.IsRemoval(ex.RV))
            {
                LogTokenRemoved(_logger, Label, ex.RV.ToString());
                ResetLocked();
            }

            return Pkcs11Errors.Map(ex.RV, Label, ex);
        }

        /// <summary>Forgets the slot and every session (card removed, or disposing).</summary>
        private void ResetLocked()
        {
            _generation++;
            _loggedIn = false;
            _mechanismChecked = false;
            _slot = null;
            while (_pool.TryTake(out PooledSession? pooled))
            {
                CloseQuietly(pooled.Session);
            }

            if (_loginSession is not null)
            {
                CloseQuietly(_loginSession);
            }

            _loginSession = null;
        }

        private void ThrowIfDisposed()
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(Pkcs11Token));
            }
        }

        private static bool IsUserState(ISession session)
        {
            CKS state = session.GetSessionInfo().State;
            return state is CKS.CKS_RO_USER_FUNCTIONS or CKS.CKS_RW_USER_FUNCTIONS;
        }

        private static (ISlot Slot, ITokenInfo Info) FindSlot(IPkcs11Library library, Pkcs11TokenOptions options)
        {
            List<ISlot> slots = Call(() => library.GetSlotList(SlotsType.WithTokenPresent), "module");
            var found = new List<(ISlot, ITokenInfo)>();
            var seen = new List<string>();
            foreach (ISlot slot in slots)
            {
                ITokenInfo info;
                try
                {
                    info = slot.GetTokenInfo();
                }
                catch (Pkcs11Exception ex)
                {
                    // A reader whose card is being pulled, or a token that went away (SoftHSM2 answers
                    // CKR_GENERAL_ERROR for a deleted token): not the one we want, and no reason to fail the search.
                    seen.Add($"slot {slot.SlotId} unreadable ({ex.RV})");
                    continue;
                }

                string label = info.Label.Trim();
                string serial = info.SerialNumber.Trim();
                seen.Add($"'{label}' (serial {serial})");
                if ((options.TokenLabel is null || options.TokenLabel == label) && (options.TokenSerial is null || options.TokenSerial == serial))
                {
                    found.Add((slot, info));
                }
            }

            string wanted = options.TokenLabel is null && options.TokenSerial is null
                ? "a token"
                : "the token" + (options.TokenLabel is null ? string.Empty : $" labelled '{options.TokenLabel}'") + (options.TokenSerial is null ? string.Empty : $" with serial {options.TokenSerial}");
            string present = seen.Count == 0 ? "no token is present" : "tokens present: " + string.Join(", ", seen);
            if (found.Count == 0)
            {
                throw new CardNotFoundException($"Could not find {wanted} in module '{options.ModulePath}'; {present}.");
            }

            if (found.Count > 1)
            {
                throw new CardNotFoundException($"Several tokens match ({present}); choose one by label or serial (Pkcs11TokenOptions.TokenLabel/TokenSerial; dmp: --token).");
            }

            return found[0];
        }

        private static List<Pkcs11CertificateInfo> ReadCertificates(ISession session, string token)
        {
            var attributes = Pkcs11ModuleRegistry.Factories.ObjectAttributeFactory;
            var template = new List<IObjectAttribute>
            {
                attributes.Create(CKA.CKA_CLASS, CKO.CKO_CERTIFICATE),
                attributes.Create(CKA.CKA_CERTIFICATE_TYPE, CKC.CKC_X_509),
            };
            var result = new List<Pkcs11CertificateInfo>();
            foreach (IObjectHandle handle in session.FindAllObjects(template))
            {
                List<IObjectAttribute> values = session.GetAttributeValue(handle, new List<CKA> { CKA.CKA_VALUE, CKA.CKA_ID, CKA.CKA_LABEL });
                byte[]? der = values[0].CannotBeRead ? null : values[0].GetValueAsByteArray();
                if (der is null || der.Length == 0)
                {
                    continue;
                }

                byte[] id = values[1].CannotBeRead ? Array.Empty<byte>() : values[1].GetValueAsByteArray() ?? Array.Empty<byte>();
                string label = values[2].CannotBeRead ? string.Empty : values[2].GetValueAsString() ?? string.Empty;
                X509Certificate2 certificate;
                try
                {
#if NET9_0_OR_GREATER
                    certificate = X509CertificateLoader.LoadCertificate(der);
#else
                    certificate = new X509Certificate2(der);
#endif
                }
                catch (System.Security.Cryptography.CryptographicException ex)
                {
                    throw new CardException($"The token '{token}' holds a certificate (CKA_ID {Internal.Hex.ToLower(id)}) that cannot be read: {ex.Message}", "Check the card with its middleware's tool.", null, ex);
                }

                result.Add(new Pkcs11CertificateInfo(Internal.Hex.ToLower(id), label, certificate));
            }

            return result;
        }

        private static T Call<T>(Func<T> call, string what)
        {
            try
            {
                return call();
            }
            catch (Pkcs11Exception ex)
            {
                throw Pkcs11Errors.Map(ex.RV, what, ex);
            }
        }

        [LoggerMessage(EventId = Diagnostics.DmpLogEvents.Pkcs11TokenOpened, EventName = nameof(Diagnostics.DmpLogEvents.Pkcs11TokenOpened), Level = LogLevel.Debug,
            Message = "PKCS#11 token '{Label}' (serial {Serial}) opened in slot {SlotId}")]
        private static partial void LogTokenOpened(ILogger logger, string label, string serial, ulong slotId);

        [LoggerMessage(EventId = Diagnostics.DmpLogEvents.Pkcs11LoggedIn, EventName = nameof(Diagnostics.DmpLogEvents.Pkcs11LoggedIn), Level = LogLevel.Information,
            Message = "Logged in to token '{Label}' (again after a logout: {IsRelogin})")]
        private static partial void LogLoggedIn(ILogger logger, string label, bool isRelogin);

        [LoggerMessage(EventId = Diagnostics.DmpLogEvents.Pkcs11KeyMissingRelogin, EventName = nameof(Diagnostics.DmpLogEvents.Pkcs11KeyMissingRelogin), Level = LogLevel.Warning,
            Message = "Private key {KeyId} of token '{Label}' not visible: the token was probably logged out; logging in again once")]
        private static partial void LogKeyMissingRelogin(ILogger logger, string label, string keyId);

        [LoggerMessage(EventId = Diagnostics.DmpLogEvents.Pkcs11PinIncorrect, EventName = nameof(Diagnostics.DmpLogEvents.Pkcs11PinIncorrect), Level = LogLevel.Warning,
            Message = "Token '{Label}' refused the PIN; not retrying")]
        private static partial void LogPinIncorrect(ILogger logger, string label);

        [LoggerMessage(EventId = Diagnostics.DmpLogEvents.Pkcs11TokenRemoved, EventName = nameof(Diagnostics.DmpLogEvents.Pkcs11TokenRemoved), Level = LogLevel.Warning,
            Message = "Token '{Label}' removed or not answering ({ReturnValue}); it will be looked for again")]
        private static partial void LogTokenRemoved(ILogger logger, string label, string returnValue);

        private sealed class PooledSession
        {
            public PooledSession(ISession session, int generation)
            {
                Session = session;
                Generation = generation;
            }

            public ISession Session { get; }

            public int Generation { get; }
        }
    }
}
