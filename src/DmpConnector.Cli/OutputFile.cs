using System;
using System.IO;
using System.Threading.Tasks;

namespace DmpConnector.Cli
{
    /// <summary>
    /// Writes a command's output file all or nothing: into a temporary file beside it, renamed over the target only once
    /// complete. A failure (bad input, cancellation, a full disk) leaves no half-written file and the old one untouched.
    /// </summary>
    internal static class OutputFile
    {
        public static async Task<T> WriteAsync<T>(string path, Func<Stream, Task<T>> write)
        {
            string temp = TemporaryPathFor(path);
            try
            {
                T result;
                using (FileStream target = new(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
                {
                    result = await write(target).ConfigureAwait(false);
                }

                File.Move(temp, path, overwrite: true);
                return result;
            }
            finally
            {
                TryDelete(temp);
            }
        }

        public static void WriteAllBytes(string path, byte[] bytes)
        {
            string temp = TemporaryPathFor(path);
            try
            {
                File.WriteAllBytes(temp, bytes);
                File.Move(temp, path, overwrite: true);
            }
            finally
            {
                TryDelete(temp);
            }
        }

        private static string TemporaryPathFor(string path) => path + ".tmp-" + Guid.NewGuid().ToString("N").Substring(0, 8);

        private static void TryDelete(string path)
        {
            try
            {
                if (File.Exists(path))
                {
                    File.Delete(path);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
