using System.IO;
using System.Text;
using System.Text.Json;

namespace DmpConnector.Cli
{
    /// <summary>The output and error streams of one dmp run, and the JSON conventions shared by every command.</summary>
    internal sealed class CliConsole
    {
        public CliConsole(TextWriter output, TextWriter error)
        {
            Output = output;
            Error = error;
        }

        public TextWriter Output { get; }

        public TextWriter Error { get; }

        /// <summary>Writes one JSON document (indented, UTF-8, non-ASCII kept readable) followed by a new line.</summary>
        public void WriteJson(System.Action<Utf8JsonWriter> write)
        {
            using var buffer = new MemoryStream();
            var options = new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            using (var writer = new Utf8JsonWriter(buffer, options))
            {
                write(writer);
            }

            Output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
        }
    }
}
