package io.jenkins.plugins.circleci.steps;

import io.jenkins.plugins.circleci.Blank;
import io.jenkins.plugins.circleci.api.ProjectSlug;
import io.jenkins.plugins.circleci.api.TriggerRequest;
import io.jenkins.plugins.circleci.config.ServerSettings;
import io.jenkins.plugins.circleci.failure.FailureLimits;
import io.jenkins.plugins.circleci.tracing.TraceContext;
import io.jenkins.plugins.circleci.tracing.TraceParameter;
import io.jenkins.plugins.circleci.trigger.DurationText;
import io.jenkins.plugins.circleci.trigger.OnHoldPolicy;
import io.jenkins.plugins.circleci.trigger.ResultMapping;
import io.jenkins.plugins.circleci.trigger.TimeoutPolicy;
import io.jenkins.plugins.circleci.trigger.WaitFor;
import io.jenkins.plugins.circleci.trigger.WatchOptions;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one {@code circleciTrigger} or {@code circleciWait} call asked for, as saved with the running step. Values are
 * checked only when turned into a request ({@link #toTriggerRequest()}) or wait options ({@link #toWatchOptions}),
 * so that a bad value fails the step with a clear message rather than the script's parsing.
 */
final class StepOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Set for circleciTrigger; null for circleciWait. */
    private final String project;
    private final String branch;
    private final String tag;
    private final LinkedHashMap<String, Object> parameters;
    /** Whether to skip the parameter check; false (check) also in steps saved before it existed. */
    private final boolean skipParameterValidation;
    private final String definitionId;
    /** Set for circleciWait; null for circleciTrigger. */
    private final String pipelineId;
    private final String credentialsId;
    private final String serverUrl;
    private final boolean waitForCompletion;
    private final boolean propagate;
    private final String timeout;
    private final ArrayList<String> workflows;
    private final String onHold;
    private final boolean cancelOnAbort;
    /** As the script gave it (status → result name); checked in {@link #toWatchOptions}. */
    private final LinkedHashMap<String, String> resultMapping;
    /** Absent (0, false, null) in steps saved before these options existed: the defaults. */
    private final int logTail;
    private final boolean junit;
    private final String waitFor;
    private final String onTimeout;
    /** Null in steps saved before these options existed: none. */
    private final String holdTimeout;
    private final ArrayList<String> approve;
    /** pipeline/run's separate refs: null (absent in steps saved before they existed) unless given. */
    private final String configBranch;
    private final String configTag;
    private final String checkoutBranch;
    private final String checkoutTag;
    /** Whether to list the counted jobs' artifacts once the wait ends (false in steps saved before it existed). */
    private final boolean artifacts;
    /** circleciTrigger only: check everything, trigger nothing (false in steps saved before it existed). */
    private final boolean disabled;
    /** circleciTrigger only: the pipeline parameter to fill with the build's traceparent; null: none. */
    private final String traceparentParameter;

    private StepOptions(Builder b) {
        this.project = b.project;
        this.branch = b.branch;
        this.tag = b.tag;
        this.parameters = new LinkedHashMap<>(b.parameters);
        this.skipParameterValidation = !b.validateParameters;
        this.definitionId = b.definitionId;
        this.pipelineId = b.pipelineId;
        this.credentialsId = b.credentialsId;
        this.serverUrl = b.serverUrl;
        this.waitForCompletion = b.waitForCompletion;
        this.propagate = b.propagate;
        this.timeout = b.timeout;
        this.workflows = new ArrayList<>(b.workflows);
        this.onHold = b.onHold;
        this.cancelOnAbort = b.cancelOnAbort;
        this.resultMapping = new LinkedHashMap<>(b.resultMapping);
        this.logTail = b.logTail;
        this.junit = b.junit;
        this.waitFor = b.waitFor;
        this.onTimeout = b.onTimeout;
        this.holdTimeout = b.holdTimeout;
        this.approve = new ArrayList<>(b.approve);
        this.configBranch = b.configBranch;
        this.configTag = b.configTag;
        this.checkoutBranch = b.checkoutBranch;
        this.checkoutTag = b.checkoutTag;
        this.artifacts = b.artifacts;
        this.disabled = b.disabled;
        this.traceparentParameter = b.traceparentParameter;
    }

    static Builder trigger(String project) {
        Builder b = new Builder();
        b.project = project;
        return b;
    }

    static Builder waitFor(String pipelineId) {
        Builder b = new Builder();
        b.pipelineId = pipelineId;
        return b;
    }

    /** Whether this step triggers a pipeline (circleciTrigger) rather than waiting for a known one (circleciWait). */
    boolean triggers() {
        return pipelineId == null;
    }

    String pipelineId() {
        return pipelineId;
    }

    /** "gh/acme/api (branch main)" or "pipeline 5034460f-…", for messages. */
    String describe() {
        if (!triggers()) {
            return "pipeline " + pipelineId;
        }
        String config = configBranch != null ? "config branch " + configBranch
                : configTag != null ? "config tag " + configTag : null;
        String checkout = checkoutBranch != null ? "checkout branch " + checkoutBranch
                : checkoutTag != null ? "checkout tag " + checkoutTag : null;
        if (config != null || checkout != null) {
            String both = branch != null ? "branch " + branch : tag != null ? "tag " + tag : null;
            List<String> refs = new ArrayList<>();
            if (config != null) {
                refs.add(config);
            } else if (both != null) {
                refs.add("config " + both);
            }
            if (checkout != null) {
                refs.add(checkout);
            } else if (both != null) {
                refs.add("checkout " + both);
            }
            return project + " (" + String.join(", ", refs) + ")";
        }
        return project + (branch != null ? " (branch " + branch + ")" : tag != null ? " (tag " + tag + ")" : "");
    }

    boolean waitForCompletion() {
        return waitForCompletion;
    }

    /** Whether to check the parameters against the branch's config before the trigger (see ParameterPreflight). */
    boolean validateParameters() {
        return !skipParameterValidation;
    }

    boolean propagate() {
        return propagate;
    }

    boolean cancelOnAbort() {
        return cancelOnAbort;
    }

    boolean junit() {
        return junit;
    }

    boolean artifacts() {
        return artifacts;
    }

    boolean disabled() {
        return disabled;
    }

    String traceparentParameter() {
        return traceparentParameter;
    }

    /** The project as the script gave it (null for circleciWait), for a step that triggered nothing. */
    String project() {
        return project;
    }

    /**
     * How much is read, once the outcome is known, to say why the pipeline failed; throws IllegalArgumentException
     * for a log tail out of range.
     */
    FailureLimits failureLimits() {
        try {
            return FailureLimits.defaults().withLogTail(logTail);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("logTail: " + e.getMessage(), e);
        }
    }

    /** Why these options contradict each other, or null. */
    String conflict() {
        if (!waitForCompletion && waitFor != null) {
            return "wait: false returns as soon as the pipeline is triggered, and waitFor: '" + waitFor + "' later: "
                    + "give one of them (waitFor: 'created' returns once CircleCI has created the pipeline).";
        }
        return null;
    }

    /** The server to use: the step's own, else the global default. */
    String serverUrl(ServerSettings defaults) {
        return serverUrl != null ? serverUrl : defaults.serverUrl();
    }

    /** The credentials to use: the step's own, else the global default; null when neither is set. */
    String credentialsId(ServerSettings defaults) {
        return credentialsId != null ? credentialsId : defaults.credentialsId();
    }

    /** The trigger request; throws the core's InvalidRequestException for anything CircleCI would refuse. */
    TriggerRequest toTriggerRequest() {
        return toTriggerRequest(null);
    }

    /**
     * The trigger request, with the build's traceparent in {@code traceparentParameter} when there is a trace to join
     * ({@code trace} not null); throws the core's InvalidRequestException for anything CircleCI would refuse, and for a
     * {@code traceparentParameter} that is also among the parameters, trace or not.
     */
    TriggerRequest toTriggerRequest(TraceContext trace) {
        TraceParameter.check(traceparentParameter, parameters, "traceparentParameter");
        return TriggerRequest.builder(ProjectSlug.parse(project))
                .branch(branch)
                .tag(tag)
                .definitionId(definitionId)
                .configBranch(configBranch)
                .configTag(configTag)
                .checkoutBranch(checkoutBranch)
                .checkoutTag(checkoutTag)
                .parameters(TraceParameter.add(parameters, traceparentParameter, trace))
                .build();
    }

    /**
     * The wait's options; throws IllegalArgumentException for a bad timeout, on-hold policy, hold timeout (or one
     * with a policy other than wait) or result mapping.
     */
    WatchOptions toWatchOptions(ServerSettings defaults) {
        WatchOptions.Builder b = WatchOptions.builder()
                .workflows(workflows)
                .cancelOnAbort(cancelOnAbort)
                .pollInterval(defaults.minPollInterval(), defaults.maxPollInterval())
                .resultMapping(resultMapping(resultMapping));
        if (timeout != null) {
            b.timeout(DurationText.parse(timeout));
        }
        if (onHold != null) {
            b.onHold(OnHoldPolicy.parse(onHold));
        }
        if (waitFor != null) {
            b.waitFor(WaitFor.parse(waitFor));
        }
        if (onTimeout != null) {
            b.onTimeout(TimeoutPolicy.parse(onTimeout));
        }
        if (holdTimeout != null) {
            if (onHold != null && OnHoldPolicy.parse(onHold) != OnHoldPolicy.WAIT) {
                throw new IllegalArgumentException("holdTimeout: '" + holdTimeout + "' bounds how long the step "
                        + "keeps waiting for an approval, so it needs onHold: 'wait' (the default), not '" + onHold
                        + "': drop one of them.");
            }
            try {
                b.holdTimeout(DurationText.parse(holdTimeout));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("holdTimeout: " + e.getMessage(), e);
            }
        }
        if (approve != null) {
            // Null in steps saved before this option existed.
            b.approve(approve);
        }
        return b.build();
    }

    /** The default mapping with the script's overrides; core refuses statuses that are not final and bad results. */
    private static ResultMapping resultMapping(Map<String, String> overrides) {
        try {
            return ResultMapping.defaults().withOverrides(overrides);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("resultMapping: " + e.getMessage(), e);
        }
    }

    static final class Builder {
        private String project;
        private String branch;
        private String tag;
        private final Map<String, Object> parameters = new LinkedHashMap<>();
        private boolean validateParameters = true;
        private String definitionId;
        private String pipelineId;
        private String credentialsId;
        private String serverUrl;
        private boolean waitForCompletion = true;
        private boolean propagate = true;
        private String timeout;
        private final List<String> workflows = new ArrayList<>();
        private String onHold;
        private boolean cancelOnAbort = true;
        private final Map<String, String> resultMapping = new LinkedHashMap<>();
        private int logTail;
        private boolean junit;
        private String waitFor;
        private String onTimeout;
        private String holdTimeout;
        private final List<String> approve = new ArrayList<>();
        private String configBranch;
        private String configTag;
        private String checkoutBranch;
        private String checkoutTag;
        private boolean artifacts;
        private boolean disabled;
        private String traceparentParameter;

        private Builder() {}

        Builder disabled(boolean disabled) {
            this.disabled = disabled;
            return this;
        }

        Builder traceparentParameter(String name) {
            this.traceparentParameter = Blank.toNull(name);
            return this;
        }

        Builder artifacts(boolean list) {
            this.artifacts = list;
            return this;
        }

        /** pipeline/run's config and checkout refs (each null unless given). */
        Builder refs(String configBranch, String configTag, String checkoutBranch, String checkoutTag) {
            this.configBranch = Blank.toNull(configBranch);
            this.configTag = Blank.toNull(configTag);
            this.checkoutBranch = Blank.toNull(checkoutBranch);
            this.checkoutTag = Blank.toNull(checkoutTag);
            return this;
        }

        Builder logTail(int lines) {
            this.logTail = lines;
            return this;
        }

        Builder junit(boolean record) {
            this.junit = record;
            return this;
        }

        /** The step's {@code waitFor}: how far to follow the pipeline. */
        Builder until(String until) {
            this.waitFor = Blank.toNull(until);
            return this;
        }

        Builder onTimeout(String policy) {
            this.onTimeout = Blank.toNull(policy);
            return this;
        }

        Builder branch(String branch) {
            this.branch = Blank.toNull(branch);
            return this;
        }

        Builder tag(String tag) {
            this.tag = Blank.toNull(tag);
            return this;
        }

        Builder parameters(Map<String, Object> parameters) {
            this.parameters.clear();
            if (parameters != null) {
                this.parameters.putAll(parameters);
            }
            return this;
        }

        Builder validateParameters(boolean validate) {
            this.validateParameters = validate;
            return this;
        }

        Builder definitionId(String definitionId) {
            this.definitionId = Blank.toNull(definitionId);
            return this;
        }

        Builder credentialsId(String credentialsId) {
            this.credentialsId = Blank.toNull(credentialsId);
            return this;
        }

        Builder serverUrl(String serverUrl) {
            this.serverUrl = Blank.toNull(serverUrl);
            return this;
        }

        Builder waitForCompletion(boolean wait) {
            this.waitForCompletion = wait;
            return this;
        }

        Builder propagate(boolean propagate) {
            this.propagate = propagate;
            return this;
        }

        Builder timeout(String timeout) {
            this.timeout = Blank.toNull(timeout);
            return this;
        }

        Builder workflows(List<String> workflows) {
            this.workflows.clear();
            if (workflows != null) {
                this.workflows.addAll(workflows);
            }
            return this;
        }

        Builder onHold(String onHold) {
            this.onHold = Blank.toNull(onHold);
            return this;
        }

        Builder holdTimeout(String holdTimeout) {
            this.holdTimeout = Blank.toNull(holdTimeout);
            return this;
        }

        Builder approve(List<String> jobNames) {
            this.approve.clear();
            if (jobNames != null) {
                this.approve.addAll(jobNames);
            }
            return this;
        }

        Builder cancelOnAbort(boolean cancelOnAbort) {
            this.cancelOnAbort = cancelOnAbort;
            return this;
        }

        /** Values are kept as text (null stays null, to be refused with the rest when the step starts). */
        Builder resultMapping(Map<String, Object> mapping) {
            this.resultMapping.clear();
            if (mapping != null) {
                mapping.forEach((status, result) -> this.resultMapping.put(status,
                        result == null ? null : result.toString()));
            }
            return this;
        }

        StepOptions build() {
            return new StepOptions(this);
        }
    }
}
