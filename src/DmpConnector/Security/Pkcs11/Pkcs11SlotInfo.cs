using System;
using System.Collections.Generic;
using System.Security.Cryptography.X509Certificates;

namespace DmpConnector.Security
{
    /// <summary>A slot of a PKCS#11 module and the token in it, as <see cref="Pkcs11Token.ListSlots"/> sees them. Immutable.</summary>
    public sealed class Pkcs11SlotInfo
    {
        /// <summary>Creates the description.</summary>
        /// <param name="slotId">The slot id (changes between runs; for display only).</param>
        /// <param name="description">The slot (reader) description.</param>
        /// <param name="token">The token in the slot, or null when the slot is empty or unreadable.</param>
        /// <param name="error">The PKCS#11 return code when a token is present but could not be read, else null.</param>
        public Pkcs11SlotInfo(ulong slotId, string description, Pkcs11TokenInfo? token, string? error)
        {
            SlotId = slotId;
            Description = description;
            Token = token;
            Error = error;
        }

        /// <summary>The PKCS#11 return code (<c>CKR_…</c>) when the slot says a token is present but it could not be read; null otherwise.</summary>
        public string? Error { get; }

        /// <summary>The slot id (changes between runs; never use it to find a token).</summary>
        public ulong SlotId { get; }

        /// <summary>The slot (reader) description.</summary>
        public string Description { get; }

        /// <summary>The token in the slot, or null.</summary>
        public Pkcs11TokenInfo? Token { get; }
    }

    /// <summary>A token's identity, state and certificates (public objects, read without a PIN). Immutable.</summary>
    public sealed class Pkcs11TokenInfo
    {
        /// <summary>Creates the description.</summary>
        /// <param name="label">The token label.</param>
        /// <param name="serialNumber">The serial number.</param>
        /// <param name="model">The model.</param>
        /// <param name="manufacturer">The manufacturer.</param>
        /// <param name="pinLocked">True when the user PIN is locked.</param>
        /// <param name="pinCountLow">True when wrong PINs were entered recently.</param>
        /// <param name="certificates">The X.509 certificates on the token.</param>
        public Pkcs11TokenInfo(string label, string serialNumber, string model, string manufacturer, bool pinLocked, bool pinCountLow, IReadOnlyList<Pkcs11CertificateInfo> certificates)
        {
            Label = label;
            SerialNumber = serialNumber;
            Model = model;
            Manufacturer = manufacturer;
            PinLocked = pinLocked;
            PinCountLow = pinCountLow;
            Certificates = certificates ?? throw new ArgumentNullException(nameof(certificates));
        }

        /// <summary>The token label.</summary>
        public string Label { get; }

        /// <summary>The serial number.</summary>
        public string SerialNumber { get; }

        /// <summary>The model.</summary>
        public string Model { get; }

        /// <summary>The manufacturer.</summary>
        public string Manufacturer { get; }

        /// <summary>True when the user PIN is locked.</summary>
        public bool PinLocked { get; }

        /// <summary>True when wrong PINs were entered recently.</summary>
        public bool PinCountLow { get; }

        /// <summary>The X.509 certificates on the token.</summary>
        public IReadOnlyList<Pkcs11CertificateInfo> Certificates { get; }
    }

    /// <summary>A certificate object on a token: its CKA_ID (which pairs it with its private key), label and purposes. Immutable.</summary>
    public sealed class Pkcs11CertificateInfo
    {
        /// <summary>Creates the description.</summary>
        /// <param name="id">CKA_ID as lowercase hexadecimal.</param>
        /// <param name="label">CKA_LABEL.</param>
        /// <param name="certificate">The certificate (public part).</param>
        public Pkcs11CertificateInfo(string id, string label, X509Certificate2 certificate)
        {
            Id = id;
            Label = label;
            Certificate = certificate ?? throw new ArgumentNullException(nameof(certificate));
            Purposes = CertificateSigningCredential.InferPurposes(certificate);
        }

        /// <summary>CKA_ID as lowercase hexadecimal: the private key with the same CKA_ID goes with this certificate.</summary>
        public string Id { get; }

        /// <summary>CKA_LABEL.</summary>
        public string Label { get; }

        /// <summary>The certificate.</summary>
        public X509Certificate2 Certificate { get; }

        /// <summary>What the key serves, from the certificate's key usage (nonRepudiation: signature; digitalSignature only: authentication).</summary>
        public KeyPurposes Purposes { get; }
    }
}
