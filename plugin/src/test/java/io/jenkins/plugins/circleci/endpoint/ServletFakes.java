package io.jenkins.plugins.circleci.endpoint;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.TreeMap;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * Just enough of a servlet request and response for the adapter code, built as proxies: any method the code under
 * test was not expected to call fails the test.
 */
final class ServletFakes {
    private ServletFakes() {}

    static StaplerRequest2 request(String method, String pathInfo, Map<String, String> headers, byte[] body) {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        ServletInputStream stream = new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
        return (StaplerRequest2) Proxy.newProxyInstance(ServletFakes.class.getClassLoader(),
                new Class<?>[] {StaplerRequest2.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getPathInfo" -> pathInfo;
                    case "getHeader" -> byName.get((String) args[0]);
                    case "getInputStream" -> stream;
                    default -> throw new AssertionError("unexpected call: " + m);
                });
    }

    /** A response that keeps what was set on it. */
    static final class Response {
        int status;
        String contentType;
        final StringWriter body = new StringWriter();
        final StaplerResponse2 proxy = (StaplerResponse2) Proxy.newProxyInstance(
                ServletFakes.class.getClassLoader(), new Class<?>[] {StaplerResponse2.class}, (p, m, args) -> {
                    switch (m.getName()) {
                        case "setStatus" -> status = (Integer) args[0];
                        case "setContentType" -> contentType = (String) args[0];
                        case "getWriter" -> {
                            return new PrintWriter(body);
                        }
                        default -> throw new AssertionError("unexpected call: " + m);
                    }
                    return null;
                });
    }
}
