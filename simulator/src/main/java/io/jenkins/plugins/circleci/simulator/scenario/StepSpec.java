package io.jenkins.plugins.circleci.simulator.scenario;

import java.util.Objects;

/**
 * One step of a job, as API v1.1 shows it ({@code steps[].actions[]}) with the output served at its
 * {@code output_url}.
 *
 * @param name   the step's name, e.g. {@code Run tests}
 * @param output what the step printed (ANSI codes, {@code \r\n} and all); chunked into the output body's messages
 * @param status {@code success} or {@code failed}; a failed job whose steps all say {@code success} fails in its last
 *               step
 */
public record StepSpec(String name, String output, String status) {

    public StepSpec {
        Objects.requireNonNull(name, "step name");
        output = output == null ? "" : output;
        status = status == null ? "success" : status;
    }

    public static StepSpec of(String name, String output) {
        return new StepSpec(name, output, "success");
    }

    public static StepSpec failing(String name, String output) {
        return new StepSpec(name, output, "failed");
    }

    public boolean failed() {
        return !"success".equals(status);
    }
}
