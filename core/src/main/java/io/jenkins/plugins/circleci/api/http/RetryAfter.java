package io.jenkins.plugins.circleci.api.http;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Parses {@code Retry-After}: delta-seconds or an HTTP date, capped so a bad proxy cannot park callers for days. */
final class RetryAfter {
    static final Duration MAX = Duration.ofHours(1);

    private RetryAfter() {}

    /** The wait it asks for, between zero and {@link #MAX}; null when the header is absent or unreadable. */
    static Duration parse(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        Duration wait;
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                wait = Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException e) {
                wait = MAX; // more digits than a long holds: "a very long time"
            }
        } else {
            try {
                ZonedDateTime date = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                wait = Duration.between(clock.instant(), date.toInstant());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}
