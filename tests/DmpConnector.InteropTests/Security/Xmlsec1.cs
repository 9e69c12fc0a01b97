using System;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NUnit.Framework;

namespace DmpConnector.InteropTests.Security
{
    /// <summary>Runs xmlsec1 (libxmlsec1 + OpenSSL, an independent XML-signature stack) on files in a scratch folder.</summary>
    internal sealed class Xmlsec1 : IDisposable
    {
        public Xmlsec1()
        {
            Folder = Path.Combine(Path.GetTempPath(), "dmpconnector-xmlsec1-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Folder);
        }

        public string Folder { get; }

        public static string Executable => File.Exists("/usr/bin/xmlsec1") ? "/usr/bin/xmlsec1" : "xmlsec1";

        public string Write(string name, string content)
        {
            string path = Path.Combine(Folder, name);
            File.WriteAllText(path, content, new System.Text.UTF8Encoding(false));
            return path;
        }

        public string WriteCertificatePem(X509Certificate2 certificate, string name = "cert.pem") => Write(name, certificate.ExportCertificatePem());

        public string WriteKeyPem(X509Certificate2 certificate, string name = "key.pem")
        {
            using RSA key = certificate.GetRSAPrivateKey()!;
            return Write(name, key.ExportPkcs8PrivateKeyPem());
        }

        public (int Code, string Output) Run(params string[] args)
        {
            var start = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = Folder,
            };
            foreach (string a in args)
            {
                start.ArgumentList.Add(a);
            }

            using Process process = Process.Start(start) ?? throw new InvalidOperationException("xmlsec1 did not start");
            string stdout = process.StandardOutput.ReadToEnd();
            string stderr = process.StandardError.ReadToEnd();
            Assert.That(process.WaitForExit(60_000), Is.True, "xmlsec1 timed out");
            return (process.ExitCode, stdout + stderr);
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
