package org.jvnet.hudson.test;

import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TopLevelItem;
import hudson.model.RootAction;
import hudson.security.AbstractPasswordBasedSecurityRealm;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.util.concurrent.Future;
import jenkins.model.Jenkins;
import org.junit.rules.MethodRule;
import org.junit.rules.TestRule;
import org.junit.runner.Description;
import org.junit.runners.model.FrameworkMethod;
import org.junit.runners.model.Statement;

/** Stand-in of jenkins-test-harness's JenkinsRule (a JUnit 4 rule): the members the plugin's tests use. */
public class JenkinsRule implements TestRule, MethodRule, RootAction {
    public Jenkins jenkins;

    @Override
    public Statement apply(Statement base, Description description) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public Statement apply(Statement base, FrameworkMethod method, Object target) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException("stand-in");
    }

    public <T extends TopLevelItem> T createProject(Class<T> type, String name) throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }

    public <R extends Run> R assertBuildStatus(Result status, Future<? extends R> r) throws Exception {
        throw new UnsupportedOperationException("stand-in");
    }

    public <R extends Run> R assertBuildStatusSuccess(Future<? extends R> r) throws Exception {
        throw new UnsupportedOperationException("stand-in");
    }

    public <R extends Run> R assertBuildStatusSuccess(R r) throws Exception {
        throw new UnsupportedOperationException("stand-in");
    }

    public void assertLogContains(String substring, Run run) throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }

    public void assertLogNotContains(String substring, Run run) throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }

    public <R extends Run<?, ?>> R waitForCompletion(R r) throws InterruptedException {
        throw new UnsupportedOperationException("stand-in");
    }

    public <R extends Run<?, ?>> R waitForMessage(String message, R r) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in");
    }

    public void configRoundtrip() throws Exception {
        throw new UnsupportedOperationException("stand-in");
    }

    public void assertEqualDataBoundBeans(Object lhs, Object rhs)
            throws InvocationTargetException, NoSuchMethodException, IllegalAccessException {
        throw new UnsupportedOperationException("stand-in");
    }

    public DummySecurityRealm createDummySecurityRealm() {
        throw new UnsupportedOperationException("stand-in");
    }

    public URL getURL() throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }

    public WebClient createWebClient() {
        throw new UnsupportedOperationException("stand-in");
    }

    public static class DummySecurityRealm extends AbstractPasswordBasedSecurityRealm {
        DummySecurityRealm() {}
    }

    /** Stand-in of JenkinsRule.WebClient (its HtmlUnit superclass is left out: the tests use none of its members). */
    public class WebClient {
        WebClient() {}

        public WebClient login(String username) throws Exception {
            throw new UnsupportedOperationException("stand-in");
        }

        public void assertFails(String url, int statusCode) throws Exception {
            throw new UnsupportedOperationException("stand-in");
        }
    }
}
