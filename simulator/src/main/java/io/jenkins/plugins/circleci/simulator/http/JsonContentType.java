package io.jenkins.plugins.circleci.simulator.http;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which request bodies are JSON. CircleCI reads a body only when its Content-Type says JSON; a body sent without one
 * (curl's {@code -d} defaults to {@code application/x-www-form-urlencoded}) is ignored, so the pipeline runs on the
 * default branch with default parameters (CircleCI-Public/api-preview-docs issues 46 and 67). Parameters and case do
 * not matter: {@code Application/JSON; charset=utf-8} and {@code application/vnd.api+json} are JSON.
 */
final class JsonContentType {

    private static final Pattern JSON = Pattern.compile("application/([^;\\s]+\\+)?json\\s*(;.*)?");

    private JsonContentType() {
    }

    static boolean isJson(String contentType) {
        return contentType != null && JSON.matcher(contentType.trim().toLowerCase(Locale.ROOT)).matches();
    }

    /** The body as UTF-8 bytes, decoded with the charset the Content-Type names (UTF-8 when none or unknown). */
    static byte[] utf8(byte[] body, String contentType) {
        Charset charset = charset(contentType);
        return charset.equals(StandardCharsets.UTF_8) ? body
                : new String(body, charset).getBytes(StandardCharsets.UTF_8);
    }

    private static Charset charset(String contentType) {
        for (String param : contentType.split(";")) {
            String[] kv = param.trim().split("=", 2);
            if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("charset")) {
                String name = kv[1].trim().replace("\"", "");
                try {
                    return Charset.forName(name);
                } catch (IllegalArgumentException e) {
                    return StandardCharsets.UTF_8; // an unknown charset: JSON is UTF-8 anyway (RFC 8259)
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
