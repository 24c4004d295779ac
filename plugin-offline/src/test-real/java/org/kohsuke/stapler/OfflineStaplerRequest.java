package org.kohsuke.stapler;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.List;

/**
 * Test only: makes this thread look as if Stapler were serving a request, for as long as it is open. Stapler compiles a
 * view while serving one, and its Jelly parser reaches the web application through the current request (the message
 * bundle of every {@code ${%…}} comes from {@code WebApp.getCurrent()}). Lives in Stapler's package because the request
 * slot ({@link Stapler#CURRENT_REQUEST}) and {@link Stapler#setWebApp} are package-private; the servlet context and
 * request behind it answer null to everything, which compiling a view never asks them.
 */
public final class OfflineStaplerRequest implements AutoCloseable {
    private OfflineStaplerRequest() {}

    public static OfflineStaplerRequest enter() {
        if (Stapler.CURRENT_REQUEST.get() != null) {
            throw new IllegalStateException("this thread already serves a Stapler request");
        }
        Stapler stapler = new Stapler();
        stapler.setWebApp(new WebApp(nothing(ServletContext.class)));
        Stapler.CURRENT_REQUEST.set(new RequestImpl(stapler, nothing(HttpServletRequest.class), List.of(),
                new TokenList("")));
        return new OfflineStaplerRequest();
    }

    @Override
    public void close() {
        Stapler.CURRENT_REQUEST.remove();
    }

    private static <T> T nothing(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(OfflineStaplerRequest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> null));
    }
}
