package io.jenkins.plugins.circleci.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FastInstantsTest {

    private static Instant read(String text) throws JsonProcessingException {
        return Json.MAPPER.readValue("\"" + text + "\"", Instant.class);
    }

    @Test
    void readsCircleCisTimestampsExactlyAsTheIsoParserDoes() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(0, 253_402_300_799L), random.nextInt(1_000_000_000));
            String iso = DateTimeFormatter.ISO_INSTANT.format(t);
            assertThat(FastInstants.parse(iso)).as(iso).isEqualTo(Instant.parse(iso));
            String millis = iso.length() > 20 ? iso.substring(0, Math.min(iso.length() - 1, 23)) + "Z" : iso;
            assertThat(read(millis)).as(millis).isEqualTo(Instant.parse(millis));
        }
        assertThat(read("2026-01-15T09:59:00Z")).isEqualTo(Instant.parse("2026-01-15T09:59:00Z"));
        assertThat(read("2024-02-29T23:59:59.9Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.900Z"));
    }

    @Test
    void otherFormsGoToJacksonsParserWhichAcceptsOrRefusesThemAsBefore() throws Exception {
        assertThat(FastInstants.parse("2026-01-15T11:59:00+02:00")).isNull();
        assertThat(read("2026-01-15T11:59:00+02:00")).isEqualTo(Instant.parse("2026-01-15T09:59:00Z"));
        assertThat(FastInstants.parse("2026-02-30T10:00:00Z")).isNull();
        assertThat(FastInstants.parse("2026-01-15T24:00:00Z")).isNull();
        assertThat(FastInstants.parse("2026-01-15T10:00:00.Z")).isNull();
        assertThat(FastInstants.parse("2026-01-15T10:00:00.1234567890Z")).isNull();
        assertThat(FastInstants.parse("2026-01-15 10:00:00Z")).isNull();
        assertThat(FastInstants.parse("+2026-01-15T10:00:00Z")).isNull();
        assertThatThrownBy(() -> read("2026-02-30T10:00:00Z")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> read("yesterday")).isInstanceOf(JsonProcessingException.class);
        assertThat(Json.MAPPER.readValue("1768471140", Instant.class)).isEqualTo(Instant.ofEpochSecond(1768471140));
    }
}
