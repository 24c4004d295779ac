package io.jenkins.plugins.circleci.steps;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.api.http.ArtifactDownload;
import io.jenkins.plugins.circleci.api.model.ArtifactContent;
import io.jenkins.plugins.circleci.config.ServerSettings;
import java.io.PrintStream;
import java.util.concurrent.Future;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * The running {@code circleciArtifact}. {@link #start()} only checks its inputs on the CPS VM thread, then hands the
 * download (credentials lookup included) to the plugin's blocking pool and returns; the pool completes the context.
 * Saved form: the inputs, never the token or the content. A read cut by a controller restart is simply done again
 * (it is a GET); an aborted build interrupts it.
 */
final class CircleCiArtifactStepExecution extends StepExecution {
    private static final long serialVersionUID = 1L;

    private final String url;
    private final String credentialsId;
    private final String serverUrl;
    private final boolean json;
    private final long maxBytes;
    private transient volatile Future<?> task;

    CircleCiArtifactStepExecution(StepContext context, String url, String credentialsId, String serverUrl,
            boolean json, long maxBytes) {
        super(context);
        this.url = url;
        this.credentialsId = credentialsId;
        this.serverUrl = serverUrl;
        this.json = json;
        this.maxBytes = maxBytes;
    }

    static String urlProblem(String url) {
        if (url == null || url.isBlank()) {
            return "No url was given: pass the url of an artifact as CircleCI lists it, e.g. the url of an entry of "
                    + "circleciTrigger(..., artifacts: true).artifacts.";
        }
        String u = url.trim().toLowerCase(java.util.Locale.ROOT);
        return u.startsWith("https://") || u.startsWith("http://") ? null
                : "The url must be an http(s) URL as CircleCI lists it, not '" + url.trim() + "'.";
    }

    static String maxBytesProblem(long maxBytes) {
        return maxBytes >= 1 && maxBytes <= ArtifactDownload.MAX_MAX_BYTES ? null
                : "maxBytes must be 1 to " + ArtifactDownload.MAX_MAX_BYTES + " (64 MiB), not " + maxBytes
                        + "; download larger artifacts on an agent.";
    }

    @Override
    public boolean start() throws Exception {
        // On the CPS VM thread: in-memory checks only.
        StepEnvironment environment = StepEnvironment.current();
        ServerSettings settings = environment.settings();
        String problem = urlProblem(url);
        if (problem == null) {
            problem = maxBytesProblem(maxBytes);
        }
        if (problem == null && credentialsId(settings) == null) {
            problem = "No CircleCI credentials were given: pass credentialsId: with the ID of a Secret text "
                    + "credential holding a CircleCI personal API token, or set default credentials in Manage "
                    + "Jenkins > System > CircleCI.";
        }
        if (problem != null) {
            throw new AbortException(problem);
        }
        submit(environment);
        return false;
    }

    @Override
    public void onResume() {
        submit(StepEnvironment.current());
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        Future<?> t = task;
        if (t != null) {
            t.cancel(true);
        }
        getContext().onFailure(cause);
    }

    @Override
    public String getStatus() {
        Future<?> t = task;
        return t == null ? "not started" : t.isDone() ? "done" : "reading a CircleCI artifact";
    }

    private String credentialsId(ServerSettings settings) {
        return credentialsId != null ? credentialsId : settings.credentialsId();
    }

    private void submit(StepEnvironment environment) {
        task = environment.blocking().submit(() -> read(environment));
    }

    /** On the blocking pool: looks the token up in the build's context, reads, and completes the step. */
    private void read(StepEnvironment environment) {
        StepContext context = getContext();
        try {
            ServerSettings settings = environment.settings();
            String server = serverUrl != null ? serverUrl : settings.serverUrl();
            Run<?, ?> run = context.get(Run.class);
            String token = environment.token(run, credentialsId(settings), server);
            CircleCiClient client = environment.client(server, token, settings);
            ArtifactContent content = client.readArtifact(url, maxBytes);
            Object value = json ? content.json() : content.text();
            TaskListener listener = context.get(TaskListener.class);
            if (listener != null) {
                PrintStream log = listener.getLogger();
                log.println("CircleCI artifact " + environment.link(content.name(), content.name()) + ": "
                        + content.size() + " bytes read" + (json ? " as JSON" : ""));
            }
            context.onSuccess(value);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.onFailure(e);
        } catch (Exception | Error e) {
            context.onFailure(StepOutcomes.userFacing(e));
        }
    }
}
