using System;

namespace DmpConnector.Security
{
    /// <summary>
    /// A problem with a CPS card or another PKCS#11 token: the base of every card exception. <see cref="Advice"/> says
    /// what the user can do; <see cref="ReturnValue"/> is the PKCS#11 return code (e.g. <c>CKR_PIN_INCORRECT</c>) when
    /// the token gave one. Messages never contain a PIN.
    /// </summary>
    public class CardException : DmpException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">What went wrong.</param>
        /// <param name="advice">What the user or support can do about it.</param>
        /// <param name="returnValue">The PKCS#11 return code name, or null.</param>
        /// <param name="innerException">The underlying failure, if any.</param>
        public CardException(string message, string advice, string? returnValue = null, Exception? innerException = null)
            : base(message + (returnValue is null ? string.Empty : " (" + returnValue + ")") + " " + advice, innerException)
        {
            Advice = advice;
            ReturnValue = returnValue;
        }

        /// <summary>What the user or support can do about it, in plain English.</summary>
        public string Advice { get; }

        /// <summary>The PKCS#11 return code (<c>CKR_…</c>) the module gave, or null.</summary>
        public string? ReturnValue { get; }
    }

    /// <summary>
    /// The card refused the PIN (<c>CKR_PIN_INCORRECT</c>). It is never retried automatically: a CPS card locks after
    /// three wrong PINs. The token refuses further automatic logins until the application calls
    /// <see cref="Pkcs11Token.Login"/> again with a PIN the user typed anew.
    /// </summary>
    public sealed class CardPinIncorrectException : CardException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="token">The token's label.</param>
        /// <param name="returnValue">The PKCS#11 return code name.</param>
        /// <param name="innerException">The underlying failure.</param>
        public CardPinIncorrectException(string token, string? returnValue = "CKR_PIN_INCORRECT", Exception? innerException = null)
            : base($"The card '{token}' refused the PIN.", "Ask the user to type the PIN again; do not resend the same PIN automatically (a CPS card locks after 3 wrong PINs).", returnValue, innerException)
        {
        }
    }

    /// <summary>The card's PIN is locked (<c>CKR_PIN_LOCKED</c>) after too many wrong PINs.</summary>
    public sealed class CardPinLockedException : CardException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="token">The token's label.</param>
        /// <param name="returnValue">The PKCS#11 return code name.</param>
        /// <param name="innerException">The underlying failure.</param>
        public CardPinLockedException(string token, string? returnValue = "CKR_PIN_LOCKED", Exception? innerException = null)
            : base($"The PIN of card '{token}' is locked.", "Unlock it with the PUK code (CPS cards: the card management tool of the ANS, or your card's help line); the SDK cannot use the card until then.", returnValue, innerException)
        {
        }
    }

    /// <summary>No PIN was given: the application has no PIN callback, or its callback returned null (the user cancelled).</summary>
    public sealed class CardLoginCancelledException : CardException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="token">The token's label.</param>
        public CardLoginCancelledException(string token)
            : base($"No PIN was given for card '{token}'.", "Set Pkcs11TokenOptions.PinCallback, and have it return the PIN the user typed (null means the user cancelled).")
        {
        }
    }

    /// <summary>The token was not found: the card is not inserted, the reader is not connected, or the label/serial is wrong.</summary>
    public sealed class CardNotFoundException : CardException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">Which token was looked for and which were found.</param>
        /// <param name="returnValue">The PKCS#11 return code name, or null.</param>
        /// <param name="innerException">The underlying failure, if any.</param>
        public CardNotFoundException(string message, string? returnValue = null, Exception? innerException = null)
            : base(message, "Insert the card (check the reader is connected), or check the token label or serial; 'dmp token list --module <path>' shows what the module sees.", returnValue, innerException)
        {
        }
    }

    /// <summary>
    /// The card was removed or stopped answering during an operation (<c>CKR_DEVICE_REMOVED</c>,
    /// <c>CKR_TOKEN_NOT_PRESENT</c>, <c>CKR_SESSION_HANDLE_INVALID</c>…). Transient: the next operation looks for the
    /// token again (by label or serial) and asks for the PIN again.
    /// </summary>
    public sealed class CardRemovedException : CardException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="token">The token's label.</param>
        /// <param name="returnValue">The PKCS#11 return code name.</param>
        /// <param name="innerException">The underlying failure.</param>
        public CardRemovedException(string token, string? returnValue, Exception? innerException = null)
            : base($"The card '{token}' was removed or stopped answering.", "Put the card back in the reader and retry; the PIN will be asked again.", returnValue, innerException)
        {
        }

        /// <inheritdoc />
        public override bool IsTransient => true;
    }

    /// <summary>The token does not offer the mechanism the SDK needs (<c>CKM_RSA_PKCS</c>: raw RSA PKCS#1 v1.5 over a DigestInfo).</summary>
    public sealed class CardMechanismNotSupportedException : CardException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="token">The token's label.</param>
        /// <param name="mechanism">The mechanism name.</param>
        /// <param name="returnValue">The PKCS#11 return code name, or null.</param>
        /// <param name="innerException">The underlying failure, if any.</param>
        public CardMechanismNotSupportedException(string token, string mechanism, string? returnValue = null, Exception? innerException = null)
            : base($"The card '{token}' does not support {mechanism}.", "Check that the module is the card's own PKCS#11 library (for a CPS card, the Cryptolib CPS) and that it is up to date.", returnValue, innerException)
        {
            Mechanism = mechanism;
        }

        /// <summary>The mechanism that is missing.</summary>
        public string Mechanism { get; }
    }

    /// <summary>The token has no certificate or no private key for what was asked (a purpose or a CKA_ID).</summary>
    public sealed class CardKeyNotFoundException : CardException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">What was looked for and what was found.</param>
        public CardKeyNotFoundException(string message)
            : base(message, "Check that this is the right card (a CPS card holds an authentication and a signature certificate, each with its private key under the same CKA_ID); 'dmp token list' shows its content.")
        {
        }
    }
}
