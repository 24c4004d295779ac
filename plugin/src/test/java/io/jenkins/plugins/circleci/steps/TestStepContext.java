package io.jenkins.plugins.circleci.steps;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import hudson.EnvVars;
import hudson.model.Result;
import hudson.model.TaskListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * A StepContext for tests without Jenkins: it offers a TaskListener, the build's EnvVars when a test gives them (and no
 * Run: the test environment looks tokens up without one) and records the step's result and log. A deserialized copy (a restarted controller's) starts with
 * a result and log of its own, so that the step left behind in the "old controller" cannot complete it.
 */
final class TestStepContext extends StepContext {
    private static final long serialVersionUID = 1L;

    private static final class State {
        final CompletableFuture<Object> result = new CompletableFuture<>();
        final ByteArrayOutputStream log = new ByteArrayOutputStream();
        final PrintStream logger = new PrintStream(log, true, StandardCharsets.UTF_8);
        final AtomicInteger saves = new AtomicInteger();
        final AtomicInteger completions = new AtomicInteger();
    }

    private final String id = UUID.randomUUID().toString();
    private transient State state = new State();
    /** The build's environment as the step sees it; null: none offered (as before steps read it). */
    private EnvVars environment;

    /** Offers {@code variables} as the build's environment ({@code EnvVars}). */
    TestStepContext withEnvironment(java.util.Map<String, String> variables) {
        EnvVars env = new EnvVars();
        env.putAll(variables);
        this.environment = env;
        return this;
    }

    private State state() {
        return state;
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        in.defaultReadObject();
        state = new State();
    }

    /** Completes with the step's return value, or exceptionally with what it failed with. */
    CompletableFuture<Object> result() {
        return state().result;
    }

    String log() {
        return state().log.toString(StandardCharsets.UTF_8);
    }

    int saves() {
        return state().saves.get();
    }

    /** How often the step completed this context (onSuccess or onFailure); exactly once is right. */
    int completions() {
        return state().completions.get();
    }

    @Override
    public <T> T get(Class<T> key) {
        if (key == TaskListener.class) {
            return key.cast(new TestListener(state.logger));
        }
        if (key == EnvVars.class) {
            return key.cast(environment);
        }
        return null;
    }

    @Override
    public void onSuccess(Object result) {
        state().completions.incrementAndGet();
        state().result.complete(result);
    }

    @Override
    public void onFailure(Throwable t) {
        state().completions.incrementAndGet();
        state().result.completeExceptionally(t);
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public ListenableFuture<Void> saveState() {
        state().saves.incrementAndGet();
        return Futures.immediateFuture(null);
    }

    @Override
    public void setResult(Result r) {
        throw new AssertionError("the CircleCI steps never set the build result directly, was asked for " + r);
    }

    @Override
    public BodyInvoker newBodyInvoker() {
        throw new IllegalStateException("the CircleCI steps take no body");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TestStepContext other && other.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    private static final class TestListener implements TaskListener {
        private static final long serialVersionUID = 1L;
        private final transient PrintStream logger;

        TestListener(PrintStream logger) {
            this.logger = logger;
        }

        @Override
        public PrintStream getLogger() {
            return logger;
        }
    }
}
