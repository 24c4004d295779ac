package io.jenkins.plugins.circleci.endpoint;

import hudson.Extension;
import hudson.security.csrf.CrumbExclusion;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * CircleCI cannot fetch a CSRF crumb, and its deliveries are authenticated by their signature instead, so
 * {@code /circleci-webhook/} and nothing else is exempt from the crumb check. The path is compared whole: a prefix
 * or substring match would let any URL that merely contains it skip CSRF protection.
 */
@Extension
public class CircleCiWebhookCrumbExclusion extends CrumbExclusion {
    private static final String PATH = "/" + CircleCiWebhookAction.URL_NAME + "/";

    @Override
    public boolean process(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!isWebhookPath(request.getPathInfo())) {
            return false;
        }
        chain.doFilter(request, response);
        return true;
    }

    /** Whether the path is exactly {@code /circleci-webhook/}, with or without its trailing slash. */
    static boolean isWebhookPath(String pathInfo) {
        if (pathInfo == null || pathInfo.isEmpty()) {
            return false;
        }
        String normalised = pathInfo.endsWith("/") ? pathInfo : pathInfo + "/";
        return normalised.equals(PATH);
    }
}
