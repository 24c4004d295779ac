package io.jenkins.plugins.circleci.api.http;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
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
            .addModule(new SimpleModule("circleci-instants").addDeserializer(Instant.class, new FastInstants())
                    .setDeserializerModifier(new SkipUnknown()))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private static final Map<JavaType, ObjectReader> READERS = new ConcurrentHashMap<>();
    /** The same for a plain class, found without making its {@link JavaType} on every call. */
    private static final ClassValue<ObjectReader> CLASS_READERS = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
            return reader(MAPPER.constructType(type));
        }
    };

    private Json() {}

    /**
     * Skips an unknown property's value where it stands. With only {@code FAIL_ON_UNKNOWN_PROPERTIES} off, Jackson
     * copies the unknown properties of a record (or any type bound through its constructor) into a buffer first and
     * drops them at the end: for a pipeline, a good part of binding it. Same result, without the copy.
     */
    private static final class SkipUnknown extends BeanDeserializerModifier {
        @Override
        public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription beanDesc,
                BeanDeserializerBuilder builder) {
            builder.setIgnoreUnknownProperties(true);
            return builder;
        }
    }

    /** A reader for {@code type}, made once: it skips the mapper's per-call lookup of the type's deserializer. */
    static ObjectReader reader(JavaType type) {
        return READERS.computeIfAbsent(type, MAPPER::readerFor);
    }

    static ObjectReader reader(Class<?> type) {
        return CLASS_READERS.get(type);
    }
}
