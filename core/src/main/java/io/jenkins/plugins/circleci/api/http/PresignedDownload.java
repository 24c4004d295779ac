package io.jenkins.plugins.circleci.api.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.circleci.api.LogTail;
import io.jenkins.plugins.circleci.api.error.CircleCiException;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Downloads a step's output from the pre-signed {@code output_url} CircleCI hands out in API v1.1. That link points
 * at another host (S3 on CircleCI cloud, the installation's object storage on CircleCI server) and carries its own
 * signature, so it is sent <b>without</b> the token, and neither a redirect is followed nor the link's query (its
 * signature) ever shown: messages name the host only.
 *
 * <p>The body is a JSON array of {@code {"type", "time", "message"}} chunks, plain, gzip-encoded
 * ({@code Content-Encoding: gzip}, which OkHttp undoes) or gzip bytes without that header (recognised by their magic
 * number). It is read as a stream, keeping only the last lines, and within byte caps, so a huge log costs bounded
 * memory and time.
 */
public final class PresignedDownload {
    /** Bytes read from the network at most (compressed, if it is). */
    static final long MAX_DOWNLOAD_BYTES = 32L * 1024 * 1024;
    /** Bytes of JSON read at most once decompressed. */
    static final long MAX_JSON_BYTES = 128L * 1024 * 1024;
    /** Each shown line is cut after this many characters. */
    public static final int MAX_LINE_CHARS = 300;
    /** The whole tail is cut (oldest lines first) to this many characters. */
    public static final int MAX_TAIL_CHARS = 16 * 1024;
    /** The most lines anyone may ask for. */
    public static final int MAX_LINES = 1000;
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern S3_CODE = Pattern.compile("<Code>([^<]{1,80})</Code>");
    private static final Pattern S3_MESSAGE = Pattern.compile("<Message>([^<]{1,200})</Message>");

    private final OkHttpClient http;
    private final SecretMask mask;

    PresignedDownload(OkHttpClient http, SecretMask mask) {
        this.http = http.newBuilder().callTimeout(CALL_TIMEOUT).build();
        this.mask = Objects.requireNonNull(mask);
    }

    /** The last {@code lines} lines (1 to {@link #MAX_LINES}) of the output at {@code outputUrl}. */
    public LogTail lastLines(String outputUrl, int lines) {
        if (lines < 1 || lines > MAX_LINES) {
            throw new IllegalArgumentException("lines must be 1 to " + MAX_LINES + ": " + lines);
        }
        HttpUrl url = outputUrl == null ? null : HttpUrl.parse(outputUrl);
        if (url == null) {
            throw new CircleCiException("CircleCI gave a step output link that is not an http(s) URL.",
                    "Open the job in CircleCI to see its output.", null);
        }
        String host = url.scheme() + "://" + url.host() + (url.port() == HttpUrl.defaultPort(url.scheme()) ? ""
                : ":" + url.port());
        // No Circle-Token, no Authorization: the link's signature is its credential, and another host must never
        // see the token. No Accept-Encoding either, so that OkHttp asks for gzip and undoes it itself.
        Request request = new Request.Builder().url(url).get().header("User-Agent", UserAgent.value()).build();
        try (Response response = http.newCall(request).execute()) {
            int status = response.code();
            if (status >= 300 && status < 400) {
                throw failure(host, "answered " + status + " (a redirect, not followed)", null);
            }
            if (status < 200 || status >= 300) {
                throw failure(host, "answered " + status + storageError(response), null);
            }
            ResponseBody body = response.body();
            if (body == null) {
                throw failure(host, "sent no body", null);
            }
            return read(body.byteStream(), lines, host);
        } catch (InterruptedIOException e) {
            boolean interrupted = Interruptions.interrupted(e);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            throw failure(host, interrupted ? "was interrupted" : "did not answer in time", e);
        } catch (IOException e) {
            // The exception's own message may quote the URL, signature and all: only its type is told.
            throw failure(host, "could not be read (" + e.getClass().getSimpleName() + ")", null);
        }
    }

    private LogTail read(InputStream network, int lines, String host) throws IOException {
        InputStream in = new BufferedInputStream(new Capped(network, MAX_DOWNLOAD_BYTES));
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        boolean gzipped = b1 == 0x1f && b2 == 0x8b;
        LogLines tail = new LogLines(lines, MAX_LINE_CHARS, MAX_TAIL_CHARS, mask);
        // gzip bytes without Content-Encoding: an object stored compressed and served as it is.
        try (JsonParser parser = JSON.createParser(new Capped(gzipped ? new GZIPInputStream(in) : in,
                MAX_JSON_BYTES))) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw failure(host, "sent something other than a JSON array of output messages", null);
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if ("message".equals(field) && value == JsonToken.VALUE_STRING) {
                        tail.append(parser.getText());
                    } else {
                        parser.skipChildren();
                    }
                }
            }
            if (token != JsonToken.END_ARRAY) {
                throw failure(host, "sent an output array with something other than message objects in it", null);
            }
        } catch (Capped.TooLarge e) {
            throw failure(host, "sent more than " + (e.limit / (1024 * 1024)) + " MiB; its end was not read", null);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | java.util.zip.ZipException e) {
            throw failure(host, "sent output that is not valid JSON" + (e instanceof java.util.zip.ZipException
                    ? " (broken gzip)" : ""), null);
        }
        return new LogTail(tail.finish(), tail.linesSeen());
    }

    private static CircleCiException failure(String host, String what, Throwable cause) {
        return new CircleCiException("The step's output at " + host + " " + what + ".",
                "Open the job in CircleCI to see its output; output links expire after a few days. See "
                        + ErrorTranslator.DOCS + "#what-failed-warnings.", cause);
    }

    /** S3 and its kin answer errors in XML: its code and message, short, say why (an expired link...). */
    static String storageError(Response response) {
        try {
            String xml = response.peekBody(4096).string();
            Matcher code = S3_CODE.matcher(xml);
            if (!code.find()) {
                return "";
            }
            Matcher message = S3_MESSAGE.matcher(xml);
            String text = message.find() ? ": " + message.group(1).strip() : "";
            return " (" + code.group(1).strip() + text + ")";
        } catch (IOException e) {
            return "";
        }
    }

    /** Fails once more than {@code limit} bytes went through. */
    static final class Capped extends FilterInputStream {
        private final long limit;
        private long count;

        Capped(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) throws TooLarge {
            count += n;
            if (count > limit) {
                throw new TooLarge(limit);
            }
        }

        static final class TooLarge extends IOException {
            private static final long serialVersionUID = 1L;
            final long limit;

            TooLarge(long limit) {
                super("more than " + limit + " bytes");
                this.limit = limit;
            }
        }
    }
}
