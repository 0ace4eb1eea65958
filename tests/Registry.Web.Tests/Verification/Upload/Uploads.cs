using System.Net.Http.Headers;

namespace Registry.Web.Tests.Verification.Upload;

/// <summary>Requests as a browser form or an API client sends them.</summary>
internal static class Uploads
{
    public static MultipartFormDataContent Form(byte[] file, string fileName = "code.png", string contentType = "image/png", string field = "image")
    {
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { part, field, fileName } };
    }

    /// <summary>A body without Content-Length (chunked), so that only reading it can find its size.</summary>
    public static HttpContent Chunked(HttpContent content)
    {
        var stream = new StreamContent(new NonSeekable(content.ReadAsStream()));
        foreach (var header in content.Headers)
        {
            stream.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        stream.Headers.ContentLength = null;
        return stream;
    }

    private sealed class NonSeekable(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
