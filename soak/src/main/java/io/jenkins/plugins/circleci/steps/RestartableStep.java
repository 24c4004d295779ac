package io.jenkins.plugins.circleci.steps;

import io.jenkins.plugins.circleci.api.CircleCiClient;
import io.jenkins.plugins.circleci.config.ServerSettings;
import io.jenkins.plugins.circleci.failure.FailureReportText;
import io.jenkins.plugins.circleci.trigger.Outcome;
import io.jenkins.plugins.circleci.trigger.PipelineWatcher;
import io.jenkins.plugins.circleci.trigger.WatchOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One {@code circleciTrigger} step as the plugin runs it ({@link CircleCiWaitRunner}, the code Jenkins runs), in a
 * controller that can go down and come back: {@link #kill()} is the controller dying (its watcher stops, nothing it
 * still had in flight counts any more), {@link #snapshot()} the runner serialized as Jenkins saves a running step, and
 * {@link #resume(byte[])} a new controller deserializing it and calling {@code onResume}. Lives in the plugin's
 * package because the runner is not public; it changes nothing of it.
 */
public final class RestartableStep {

    /** What the Jenkinsfile asked for; the credentials and server are the soak's. */
    public record Options(String project, String branch, Map<String, Object> parameters, String timeout,
                          List<String> workflows, String onHold, Map<String, Object> resultMapping,
                          String holdTimeout, List<String> approve) {
        public Options {
            approve = approve == null ? List.of() : List.copyOf(approve);
        }

        /** Without a hold timeout and without approvals. */
        public Options(String project, String branch, Map<String, Object> parameters, String timeout,
                List<String> workflows, String onHold, Map<String, Object> resultMapping) {
            this(project, branch, parameters, timeout, workflows, onHold, resultMapping, null, List.of());
        }
    }

    /** The surroundings: scheduling, time, CircleCI clients, and where the step's traces go. */
    public interface Host {
        ScheduledExecutorService scheduler();

        Clock clock();

        /** The jitter of each controller's watcher (seeded: a run repeats). */
        java.util.random.RandomGenerator random();

        /** A client for one controller's life; its requests must fail once {@code life} is over. */
        CircleCiClient client(String serverUrl, Life life) throws Exception;

        /** A console line of the step. */
        void line(Life life, String line);

        /** The step's state was saved (Jenkins' saveState()): the serialized runner. */
        void saved(Life life, byte[] state);

        /** The step returned: the outcome and the value the step gives the Jenkinsfile. */
        void finished(Life life, Outcome outcome, Map<String, Object> returned, Throwable failure);

        /** The step failed with {@code error}; Jenkins shows it as {@code shown}. */
        void failed(Life life, Throwable error, Throwable shown);
    }

    /** One life of the controller that runs the step. */
    public static final class Life {
        private final int number;
        private volatile boolean over;

        Life(int number) {
            this.number = number;
        }

        /** 1 for the controller that started the step, 2 after the first restart, ... */
        public int number() {
            return number;
        }

        /** Whether this controller went down. */
        public boolean over() {
            return over;
        }
    }

    static final String CREDENTIALS_ID = "circleci-soak";

    private final Host host;
    private final String serverUrl;
    private volatile CircleCiWaitRunner runner;
    private volatile Life life;
    private volatile PipelineWatcher watcher;
    private int lives;

    public RestartableStep(Options o, String serverUrl, Duration minPoll, Duration maxPoll, Host host) {
        this.host = host;
        this.serverUrl = serverUrl;
        StepOptions options = StepOptions.trigger(o.project()).branch(o.branch()).parameters(o.parameters())
                .credentialsId(CREDENTIALS_ID).serverUrl(serverUrl).timeout(o.timeout()).workflows(o.workflows())
                .onHold(o.onHold()).holdTimeout(o.holdTimeout()).approve(o.approve()).resultMapping(o.resultMapping())
                .build();
        ServerSettings settings = new ServerSettings(serverUrl, CREDENTIALS_ID, minPoll, maxPoll,
                io.jenkins.plugins.circleci.api.RateLimit.defaults());
        // As CircleCiStepExecution.start() does, before anything reaches CircleCI.
        options.toTriggerRequest();
        WatchOptions watchOptions = options.toWatchOptions(settings);
        this.runner = new CircleCiWaitRunner(options, serverUrl, CREDENTIALS_ID, watchOptions);
    }

    /** Starts the step in the first controller. */
    public synchronized void start() {
        Life first = newLife();
        // What Jenkins has saved of a step that has just started: the runner before it has done anything.
        host.saved(first, serialize(runner));
        runner.start(new Shell(first));
    }

    /** The controller goes down: its watcher stops without touching CircleCI, and its step no longer reports. */
    public synchronized Life kill() {
        Life dying = life;
        dying.over = true;
        watcher.close();
        return dying;
    }

    /**
     * A webhook about this pipeline or workflow reached the controller: its watcher looks now.
     *
     * @return how many waits were nudged (0 while the controller is down)
     */
    public int nudge(String pipelineOrWorkflowId) {
        Life current = life;
        PipelineWatcher w = watcher;
        return current == null || current.over || w == null ? 0 : w.nudge(pipelineOrWorkflowId);
    }

    /** The step as Jenkins would save it now. */
    public byte[] snapshot() {
        return serialize(runner);
    }

    /** A new controller reads the saved step and resumes it. */
    public synchronized void resume(byte[] saved) {
        runner = (CircleCiWaitRunner) deserialize(saved);
        Life next = newLife();
        runner.resume(new Shell(next));
    }

    private Life newLife() {
        life = new Life(++lives);
        watcher = new PipelineWatcher(host.scheduler(), host.clock(), host.random());
        return life;
    }

    private static byte[] serialize(Object o) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        } catch (IOException e) {
            throw new UncheckedIOException("the step could not be saved", e);
        }
        return bytes.toByteArray();
    }

    private static Object deserialize(byte[] saved) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(saved))) {
            return in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException("the saved step could not be read", e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the saved step could not be read", e);
        }
    }

    /** The runner's surroundings in one controller's life; once that life is over it reports nothing. */
    private final class Shell implements CircleCiWaitRunner.Shell {
        private final Life life;
        private final PipelineWatcher lifeWatcher;
        private final PrintStream log;

        Shell(Life life) {
            this.life = life;
            this.lifeWatcher = watcher;
            this.log = new PrintStream(new LineSink(line -> {
                if (!life.over) {
                    host.line(life, line);
                }
            }), true, StandardCharsets.UTF_8);
        }

        @Override
        public ScheduledExecutorService timer() {
            return host.scheduler();
        }

        /** None: a soak build never ends without its step (and a periodic check would keep virtual time busy). */
        @Override
        public Duration buildCheckInterval() {
            return Duration.ZERO;
        }

        @Override
        public boolean buildEnded() {
            return false;
        }

        @Override
        public ExecutorService blocking() {
            return host.scheduler();
        }

        @Override
        public Duration abortGrace() {
            return CircleCiWaitRunner.ABORT_GRACE;
        }

        @Override
        public PipelineWatcher watcher() {
            if (life.over) {
                throw new IllegalStateException("this controller is down");
            }
            return lifeWatcher;
        }

        @Override
        public Clock clock() {
            return host.clock();
        }

        @Override
        public CircleCiClient client(String url) throws Exception {
            if (life.over) {
                throw new IllegalStateException("this controller is down");
            }
            return host.client(url, life);
        }

        @Override
        public PrintStream log() {
            return log;
        }

        @Override
        public String link(String url, String text) {
            return "<a href=\"" + url + "\">" + text + "</a>";
        }

        @Override
        public void stateChanged() {
            if (!life.over) {
                host.saved(life, serialize(runner));
            }
        }

        @Override
        public void finished(Outcome outcome, OutcomeDetails details) {
            if (!life.over) {
                // The failure report goes to the console as in Jenkins, so the secret scan reads it too.
                FailureReportText.lines(details.failures(), url -> url).forEach(log::println);
                // What the step gives the Jenkinsfile, or the failure it raises (propagate: true, the default).
                host.finished(life, outcome, StepOutcomes.toMap(outcome, details.failures()),
                        StepOutcomes.failureOf(outcome, true));
            }
        }

        @Override
        public void failed(Throwable error) {
            if (!life.over) {
                host.failed(life, error, StepOutcomes.userFacing(error));
            }
        }
    }

    /** Turns the console's bytes into lines. */
    private static final class LineSink extends OutputStream {
        private final java.util.function.Consumer<String> lines;
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        LineSink(java.util.function.Consumer<String> lines) {
            this.lines = lines;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                lines.accept(current.toString(StandardCharsets.UTF_8));
                current.reset();
            } else {
                current.write(b);
            }
        }
    }
}
