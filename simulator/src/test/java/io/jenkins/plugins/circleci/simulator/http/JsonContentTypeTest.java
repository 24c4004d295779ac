package io.jenkins.plugins.circleci.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonContentTypeTest {

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "APPLICATION/JSON", " application/json ", "application/json;charset=utf-8",
            "application/json; charset=\"UTF-8\"", "application/vnd.api+json", "application/merge-patch+json; x=y"})
    void jsonTypes(String contentType) {
        assertThat(JsonContentType.isJson(contentType)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "text/plain", "application/x-www-form-urlencoded", "text/json", "application/jsonp",
            "application/json-seq", "multipart/form-data; boundary=x"})
    void otherTypes(String contentType) {
        assertThat(JsonContentType.isJson(contentType)).isFalse();
    }

    @Test
    void noContentTypeIsNotJson() {
        assertThat(JsonContentType.isJson(null)).isFalse();
    }

    @Test
    void aNamedCharsetIsDecodedToUtf8AndAnUnknownOneIsTakenAsUtf8() {
        byte[] latin1 = "{\"branch\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        byte[] utf8 = "{\"branch\":\"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(JsonContentType.utf8(latin1, "application/json; charset=ISO-8859-1")).isEqualTo(utf8);
        assertThat(JsonContentType.utf8(utf8, "application/json; charset=no-such-charset")).isEqualTo(utf8);
        assertThat(JsonContentType.utf8(utf8, "application/json")).isEqualTo(utf8);
    }
}
