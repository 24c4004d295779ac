package io.jenkins.plugins.circleci.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerMessageTest {
    @Test
    void takesTheJsonMessage() {
        assertThat(ServerMessage.of("{\"message\": \"Project not found\"}")).isEqualTo("Project not found");
    }

    @Test
    void keepsJsonWithoutAMessageAsText() {
        assertThat(ServerMessage.of("{\"error\": \"nope\"}")).isEqualTo("{\"error\": \"nope\"}");
    }

    @Test
    void keepsPlainTextOnOneLine() {
        assertThat(ServerMessage.of("Rate limited.\r\n  try later\n")).isEqualTo("Rate limited. try later");
    }

    @Test
    void emptyOrBlankIsEmpty() {
        assertThat(ServerMessage.of(null)).isEmpty();
        assertThat(ServerMessage.of(" \n")).isEmpty();
    }

    @Test
    void htmlBecomesItsTitle() {
        assertThat(ServerMessage.of("<html><head><TITLE>\n  403 Forbidden &amp; blocked\n</TITLE></head></html>"))
                .isEqualTo("HTML page: 403 Forbidden & blocked");
    }

    @Test
    void htmlWithoutTitleBecomesItsTextWithoutScripts() {
        assertThat(ServerMessage.of("<html><script>var x = 1;</script><body><h1>Access</h1> <p>denied</p></body>"))
                .isEqualTo("HTML page: Access denied");
    }

    @Test
    void longTextIsCapped() {
        String capped = ServerMessage.of("x".repeat(1000));

        assertThat(capped).hasSize(ServerMessage.MAX_LENGTH).endsWith("...");
    }
}
