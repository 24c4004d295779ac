package io.jenkins.plugins.circleci.api.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one Jackson mapper of the client. CircleCI's payloads are open maps that gain fields over time, so unknown
 * properties are ignored; instants are ISO-8601 text both ways (CircleCI's own form read by {@link FastInstants}).
 */
public final class Json {
    /** Thread-safe once configured; never reconfigure it. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("circleci-instants").addDeserializer(Instant.class, new FastInstants()))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private static final Map<JavaType, ObjectReader> READERS = new ConcurrentHashMap<>();

    private Json() {}

    /** A reader for {@code type}, made once: it skips the mapper's per-call lookup of the type's deserializer. */
    static ObjectReader reader(JavaType type) {
        return READERS.computeIfAbsent(type, MAPPER::readerFor);
    }

    static ObjectReader reader(Class<?> type) {
        return reader(MAPPER.constructType(type));
    }
}
