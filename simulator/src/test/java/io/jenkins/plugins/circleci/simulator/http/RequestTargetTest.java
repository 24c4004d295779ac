package io.jenkins.plugins.circleci.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RequestTargetTest {

    @Test
    void charactersStrictParsersRefuseArePercentEncodedAndValidEscapesKept() throws BadRequest {
        URI uri = RequestTarget.parse("/api/v2/project/gh/a/b/pipeline?branch=feat|x{1}^`\"&q=%zz&ok=%2F%20");

        assertThat(uri.getRawPath()).isEqualTo("/api/v2/project/gh/a/b/pipeline");
        assertThat(uri.getRawQuery()).isEqualTo("branch=feat%7Cx%7B1%7D%5E%60%22&q=%25zz&ok=%2F%20");
    }

    @Test
    void rawNonAsciiBytesBecomeTheirPercentEscapes() throws BadRequest {
        String utf8AsLatin1 = new String("caf\u00e9".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.ISO_8859_1);

        assertThat(RequestTarget.parse("/x?b=" + utf8AsLatin1).getRawQuery()).isEqualTo("b=caf%C3%A9");
    }

    @Test
    void theAbsoluteFormIsReducedToPathAndQuery() throws BadRequest {
        assertThat(RequestTarget.parse("http://127.0.0.1:8080/api/v2/me?x=1").toString()).isEqualTo("/api/v2/me?x=1");
        assertThat(RequestTarget.parse("HTTPS://host").toString()).isEqualTo("/");
        assertThat(RequestTarget.parse("http://host?x=1").toString()).isEqualTo("/?x=1");
    }

    @Test
    void aTargetThatIsNotAPathIsRefused() {
        assertThatThrownBy(() -> RequestTarget.parse("example.com:443")).isInstanceOf(BadRequest.class)
                .hasMessageContaining("expected a path");
    }
}
