using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security.Cryptography.X509Certificates;

namespace DmpConnector.Tests.Support
{
    /// <summary>
    /// CPS-like SoftHSM2 tokens, created from scratch once per test process in a private temporary directory (its own
    /// <c>SOFTHSM2_CONF</c>; the user's tokens are never touched) and deleted when the process ends.
    /// </summary>
    /// <remarks>
    /// <para>Each token holds the two key pairs of a CPS card, RSA-2048, imported with matching CKA_ID:
    /// the <em>authentication</em> pair (CKA_ID 01, label <c>cps-auth</c>, keyUsage digitalSignature, EKU clientAuth)
    /// and the <em>signature</em> pair (CKA_ID 02, label <c>cps-sign</c>, keyUsage nonRepudiation). Both certificates
    /// have the DMP subject shape: CN = the professional's IdNat (<see cref="ProfessionalIdNat"/>), OU = the structure's
    /// Struct IdNat, plus title, surname and given name.</para>
    /// <para>Several tokens with the same keys exist so that tests which log out, enter wrong PINs or delete a token do
    /// not disturb the others: <see cref="Label"/>, <see cref="PinTestLabel"/>, <see cref="LogoutTestLabel"/>,
    /// <see cref="RemovalTestLabel"/>.</para>
    /// <para>SoftHSM2 reads <c>SOFTHSM2_CONF</c> when the module is initialised, and a PKCS#11 module is initialised once
    /// per process, so every token lives under one configuration, set in the native environment before anything loads
    /// the module. When SoftHSM2 or its tools are missing this throws (tests fail loudly, never skip): run
    /// <c>eng/install-test-deps.sh</c>.</para>
    /// </remarks>
    internal sealed class SoftHsmToken
    {
        public const string Label = "CPS-TEST";
        public const string PinTestLabel = "CPS-PIN";
        public const string LogoutTestLabel = "CPS-LOGOUT";
        public const string RemovalTestLabel = "CPS-REMOVE";

        /// <summary>A token holding both certificates but only the authentication private key (the signature key is missing).</summary>
        public const string MissingKeyLabel = "CPS-NOKEY";
        public const string Pin = "1234";
        public const string SoPin = "12345678";
        public const string AuthenticationLabel = "cps-auth";
        public const string SignatureLabel = "cps-sign";
        public const string ProfessionalIdNat = "899700000000";
        public const string StructureIdNat = "10B0000000";
        public static readonly byte[] AuthenticationId = { 0x01 };
        public static readonly byte[] SignatureId = { 0x02 };

        private static readonly string[] ModuleCandidates =
        {
            "/usr/lib/softhsm/libsofthsm2.so",
            "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
            "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
            "/usr/lib64/pkcs11/libsofthsm2.so",
            "/usr/local/lib/softhsm/libsofthsm2.so",
        };

        private static readonly Lazy<SoftHsmToken> SharedLazy = new(() => new SoftHsmToken());

        private SoftHsmToken()
        {
            ModulePath = ModuleCandidates.FirstOrDefault(File.Exists)
                ?? throw new InvalidOperationException(
                    "SoftHSM2 is not installed (no libsofthsm2.so in " + string.Join(", ", ModuleCandidates) + "). "
                    + "The PKCS#11 tests need it as the CPS card: run eng/install-test-deps.sh (or apt-get install softhsm2 opensc).");
            RequireTool("softhsm2-util", "softhsm2");
            RequireTool("pkcs11-tool", "opensc");
            RequireTool("openssl", "openssl");

            Directory = Path.Combine(Path.GetTempPath(), "dmp-softhsm-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            System.IO.Directory.CreateDirectory(Path.Combine(Directory, "tokens"));
            ConfigPath = Path.Combine(Directory, "softhsm2.conf");
            File.WriteAllText(ConfigPath, $"directories.tokendir = {Path.Combine(Directory, "tokens")}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n");
            SetNativeEnvironment("SOFTHSM2_CONF", ConfigPath);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(Directory);

            string subject = $"/C=FR/O=CABINET DE TEST DMPCONNECTOR/OU={StructureIdNat}/title=Médecin/SN=DUPONT/GN=JEAN/CN={ProfessionalIdNat}";
            AuthenticationKeyPath = Path.Combine(Directory, "auth-key.p8.pem");
            AuthenticationCertificatePath = Path.Combine(Directory, "auth-cert.pem");
            SignatureKeyPath = Path.Combine(Directory, "sign-key.p8.pem");
            SignatureCertificatePath = Path.Combine(Directory, "sign-cert.pem");
            MakeKeyPair(subject, AuthenticationKeyPath, AuthenticationCertificatePath, "keyUsage=critical,digitalSignature", "extendedKeyUsage=clientAuth", "01");
            MakeKeyPair(subject, SignatureKeyPath, SignatureCertificatePath, "keyUsage=critical,nonRepudiation", "subjectKeyIdentifier=hash", "02");
            AuthenticationCertificate = X509Certificate2.CreateFromPem(File.ReadAllText(AuthenticationCertificatePath));
            SignatureCertificate = X509Certificate2.CreateFromPem(File.ReadAllText(SignatureCertificatePath));

            foreach (string label in new[] { Label, PinTestLabel, LogoutTestLabel, RemovalTestLabel })
            {
                CreateToken(label, withSignatureKey: true);
            }

            CreateToken(MissingKeyLabel, withSignatureKey: false);
        }

        /// <summary>The tokens of this test process (created on first use).</summary>
        public static SoftHsmToken Shared => SharedLazy.Value;

        /// <summary>The SoftHSM2 PKCS#11 module.</summary>
        public string ModulePath { get; }

        /// <summary>The private temporary directory holding the configuration, the token files and the PEM files.</summary>
        public string Directory { get; }

        /// <summary>The private SoftHSM2 configuration (also set as SOFTHSM2_CONF in this process).</summary>
        public string ConfigPath { get; }

        public X509Certificate2 AuthenticationCertificate { get; }

        public X509Certificate2 SignatureCertificate { get; }

        public string AuthenticationCertificatePath { get; }

        public string SignatureCertificatePath { get; }

        /// <summary>The authentication private key as unencrypted PKCS#8 PEM (to build PFX files for comparison tests).</summary>
        public string AuthenticationKeyPath { get; }

        public string SignatureKeyPath { get; }

        /// <summary>The token's serial number as the module reports it (trimmed).</summary>
        public string SerialOf(string label)
        {
            string slots = Run("softhsm2-util", "--show-slots");
            string? serial = null;
            foreach (string line in slots.Split('\n'))
            {
                string trimmed = line.Trim();
                if (trimmed.StartsWith("Serial number:", StringComparison.Ordinal))
                {
                    serial = trimmed.Substring("Serial number:".Length).Trim();
                }
                else if (trimmed.StartsWith("Label:", StringComparison.Ordinal) && trimmed.Substring("Label:".Length).Trim() == label)
                {
                    return serial ?? throw new InvalidOperationException("no serial before label " + label);
                }
            }

            throw new InvalidOperationException("token " + label + " not found by softhsm2-util --show-slots");
        }

        /// <summary>Deletes a token's files, as if the card had been pulled out (used by the removal test only).</summary>
        public void DeleteToken(string label) => Run("softhsm2-util", "--delete-token", "--token", label);

        /// <summary>Runs a tool with this process's SOFTHSM2_CONF and returns its standard output; throws on failure.</summary>
        public string Run(string tool, params string[] args)
        {
            var start = new ProcessStartInfo(tool)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string a in args)
            {
                start.ArgumentList.Add(a);
            }

            start.Environment["SOFTHSM2_CONF"] = ConfigPath;
            using Process process = Process.Start(start) ?? throw new InvalidOperationException(tool + " did not start");
            var stderrTask = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            string stderr = stderrTask.Result;
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{tool} {string.Join(" ", args)} failed ({process.ExitCode}): {stderr}{stdout}");
            }

            return stdout;
        }

        private void MakeKeyPair(string subject, string keyPath, string certPath, string keyUsage, string extra, string serial)
        {
            Run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-noenc", "-sha256", "-days", "730", "-utf8",
                "-set_serial", serial,
                "-keyout", keyPath, "-out", certPath, "-subj", subject,
                "-addext", keyUsage, "-addext", extra, "-addext", "basicConstraints=critical,CA:FALSE");
        }

        private void CreateToken(string label, bool withSignatureKey)
        {
            Run("softhsm2-util", "--init-token", "--free", "--label", label, "--so-pin", SoPin, "--pin", Pin);
            var pairs = new List<(string Key, string Cert, string Id, string ObjectLabel)>
            {
                (AuthenticationKeyPath, AuthenticationCertificatePath, "01", AuthenticationLabel),
                (SignatureKeyPath, SignatureCertificatePath, "02", SignatureLabel),
            };
            foreach (var (key, cert, id, objectLabel) in pairs)
            {
                if (withSignatureKey || id != "02")
                {
                    Run("softhsm2-util", "--import", key, "--token", label, "--label", objectLabel, "--id", id, "--pin", Pin);
                }

                string der = Path.Combine(Directory, $"{label}-{id}.der");
                Run("openssl", "x509", "-in", cert, "-outform", "DER", "-out", der);
                Run("pkcs11-tool", "--module", ModulePath, "--token-label", label, "--login", "--pin", Pin,
                    "--write-object", der, "--type", "cert", "--id", id, "--label", objectLabel);
            }
        }

        private static void RequireTool(string tool, string package)
        {
            string? path = Environment.GetEnvironmentVariable("PATH");
            bool found = path is not null && path.Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, tool)));
            if (!found)
            {
                throw new InvalidOperationException($"'{tool}' is missing: the PKCS#11 tests need it. Run eng/install-test-deps.sh (or apt-get install {package}).");
            }
        }

        /// <summary>
        /// .NET on Unix keeps its own copy of the environment; SoftHSM2 reads the native one with getenv, so set both.
        /// </summary>
        private static void SetNativeEnvironment(string name, string value)
        {
            Environment.SetEnvironmentVariable(name, value);
            if (NativeMethods.setenv(name, value, 1) != 0)
            {
                throw new InvalidOperationException("setenv " + name + " failed");
            }
        }

        private static void TryDelete(string directory)
        {
            try
            {
                System.IO.Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        private static class NativeMethods
        {
            [DllImport("libc", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
            [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
            public static extern int setenv(string name, string value, int overwrite);
        }
    }
}
