package io.jenkins.plugins.circleci.api.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.circleci.api.error.CircleCiException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The bytes of one artifact as downloaded (within a size cap), and what a script wants of them: UTF-8 text, or that
 * text parsed as JSON into plain {@code Map}s, {@code List}s, {@code String}s, numbers, booleans and nulls. Both fail
 * with a message that names the artifact (never its link's query) and says what to do.
 */
public final class ArtifactContent {
    private static final String DOCS = "docs/troubleshooting.md#artifact-content";
    private static final ObjectMapper PLAIN_JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final String name;
    private final byte[] bytes;

    /** @param name how messages name the artifact: its URL without query */
    public ArtifactContent(String name, byte[] bytes) {
        this.name = Objects.requireNonNull(name);
        this.bytes = bytes.clone();
    }

    public String name() {
        return name;
    }

    public int size() {
        return bytes.length;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** The content as UTF-8 text, without a leading byte order mark; anything that is not UTF-8 is refused. */
    public String text() {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            String text = decoder.decode(in).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new CircleCiException("The artifact " + name + " is not UTF-8 text (" + bytes.length + " bytes; "
                    + "the first invalid byte is near offset " + firstInvalid() + "): it may be binary or "
                    + "compressed.", "Read only text artifacts (JSON, XML, plain text) this way; download binary ones "
                    + "on an agent instead. See " + DOCS + ".", null);
        }
    }

    /**
     * The text parsed as one JSON value: {@code Map<String, Object>} (keys in their order), {@code List<Object>},
     * {@code String}, {@code Integer}/{@code Long}/{@code BigInteger}, {@code Double}, {@code Boolean} or null.
     */
    public Object json() {
        String text = text();
        try {
            return PLAIN_JSON.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new CircleCiException("The artifact " + name + " is not valid JSON" + where + ": "
                    + firstLine(e.getOriginalMessage()) + ".",
                    "Check that the job stores the file you expect at this path (an HTML error page or a truncated "
                            + "file is not JSON), or read it as text. See " + DOCS + ".", null);
        } catch (IOException e) {
            throw new CircleCiException("The artifact " + name + " could not be parsed as JSON.",
                    "Read it as text instead. See " + DOCS + ".", null);
        }
    }

    /** Jackson's reason, one line and short: it may quote the content. */
    private static String firstLine(String message) {
        String line = message == null ? "" : message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private int firstInvalid() {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    @Override
    public String toString() {
        return "ArtifactContent[" + name + ", " + bytes.length + " bytes]";
    }
}
