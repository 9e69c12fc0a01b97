using System;

namespace DmpConnector
{
    /// <summary>
    /// Base class of every exception DmpConnector throws on purpose. Catch it to handle any DMP failure; catch a
    /// subclass to handle one kind (bad input, a DMP refusal, a transport failure, a card problem).
    /// </summary>
    /// <remarks>
    /// Messages never contain patient data (INS, names, document contents) unless the application opted in with
    /// <see cref="Diagnostics.DmpSensitiveData"/>: exception messages end up in logs and support tickets.
    /// </remarks>
    public abstract class DmpException : Exception
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">A plain-English explanation, without patient data.</param>
        /// <param name="innerException">The underlying failure, if any.</param>
        protected DmpException(string message, Exception? innerException = null)
            : base(message, innerException)
        {
        }

        /// <summary>
        /// True when the same call may succeed if repeated later unchanged (a busy service, a network glitch).
        /// Bad input and refusals are never transient.
        /// </summary>
        public virtual bool IsTransient => false;
    }
}
