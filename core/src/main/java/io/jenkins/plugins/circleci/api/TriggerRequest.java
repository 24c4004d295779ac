package io.jenkins.plugins.circleci.api;

import io.jenkins.plugins.circleci.api.error.InvalidRequestException;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to trigger: a project, a branch or a tag, typed pipeline parameters, and for GitHub App / Bitbucket DC
 * projects a pipeline definition id (which selects {@code POST /project/{provider}/{org}/{project}/pipeline/run}).
 * {@link Builder#build()} checks everything CircleCI would refuse, so a bad request is never sent.
 *
 * <p>{@code pipeline/run} takes two refs: the one the config file is read from ({@code config}) and the one the
 * {@code checkout} step checks out ({@code checkout}). {@code branch}/{@code tag} set both; {@code configBranch},
 * {@code configTag}, {@code checkoutBranch} and {@code checkoutTag} set one side each, overriding {@code branch}/{@code
 * tag} there. The per-side refs exist only with a definition id: the legacy endpoint has one ref for both.
 */
public final class TriggerRequest {
    public static final int MAX_PARAMETERS = 100;
    public static final int MAX_KEY_LENGTH = 128;
    public static final int MAX_VALUE_LENGTH = 512;

    private final ProjectSlug project;
    private final String branch;
    private final String tag;
    private final Map<String, Object> parameters;
    private final String definitionId;
    private final GitRef configRef;
    private final GitRef checkoutRef;

    private TriggerRequest(Builder b) {
        this.project = b.project;
        this.branch = b.branch;
        this.tag = b.tag;
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(b.parameters));
        this.definitionId = b.definitionId;
        GitRef both = GitRef.of(b.branch, b.tag);
        this.configRef = b.configRef() != null ? b.configRef() : both;
        this.checkoutRef = b.checkoutRef() != null ? b.checkoutRef() : both;
    }

    public static Builder builder(ProjectSlug project) {
        return new Builder(project);
    }

    public ProjectSlug project() {
        return project;
    }

    public Optional<String> branch() {
        return Optional.ofNullable(branch);
    }

    public Optional<String> tag() {
        return Optional.ofNullable(tag);
    }

    /** Values are String, Boolean or Long only. */
    public Map<String, Object> parameters() {
        return parameters;
    }

    public Optional<String> definitionId() {
        return Optional.ofNullable(definitionId);
    }

    /**
     * The ref {@code pipeline/run} reads the config from: {@code configBranch}/{@code configTag}, else
     * {@code branch}/{@code tag}; empty when none was given (CircleCI's default branch).
     */
    public Optional<GitRef> configRef() {
        return Optional.ofNullable(configRef);
    }

    /**
     * The ref {@code pipeline/run}'s {@code checkout} step uses: {@code checkoutBranch}/{@code checkoutTag}, else
     * {@code branch}/{@code tag}; empty when none was given (the side is then left out of the request).
     */
    public Optional<GitRef> checkoutRef() {
        return Optional.ofNullable(checkoutRef);
    }

    /** Whether this goes through {@code pipeline/run} (a definition id was given). */
    public boolean usesPipelineRun() {
        return definitionId != null;
    }

    @Override
    public String toString() {
        return "TriggerRequest[" + project + (branch != null ? " branch=" + branch : "")
                + (tag != null ? " tag=" + tag : "")
                + (Objects.equals(configRef, checkoutRef) ? "" : " config=" + configRef + " checkout=" + checkoutRef)
                + " parameters=" + parameters.keySet()
                + (definitionId != null ? " definitionId=" + definitionId : "") + "]";
    }

    public static final class Builder {
        private final ProjectSlug project;
        private String branch;
        private String tag;
        private final Map<String, Object> parameters = new LinkedHashMap<>();
        private String definitionId;
        private String configBranch;
        private String configTag;
        private String checkoutBranch;
        private String checkoutTag;

        private Builder(ProjectSlug project) {
            this.project = Objects.requireNonNull(project, "project");
        }

        public Builder branch(String branch) {
            this.branch = blankToNull(branch);
            return this;
        }

        public Builder tag(String tag) {
            this.tag = blankToNull(tag);
            return this;
        }

        /**
         * The branch {@code pipeline/run} reads the config from (overrides {@link #branch} for the config); may be
         * {@code pull/<n>/head} or {@code pull/<n>/merge} on GitHub.
         */
        public Builder configBranch(String branch) {
            this.configBranch = blankToNull(branch);
            return this;
        }

        /** The tag {@code pipeline/run} reads the config from. */
        public Builder configTag(String tag) {
            this.configTag = blankToNull(tag);
            return this;
        }

        /** The branch {@code pipeline/run}'s {@code checkout} step checks out (overrides {@link #branch} there). */
        public Builder checkoutBranch(String branch) {
            this.checkoutBranch = blankToNull(branch);
            return this;
        }

        /** The tag {@code pipeline/run}'s {@code checkout} step checks out. */
        public Builder checkoutTag(String tag) {
            this.checkoutTag = blankToNull(tag);
            return this;
        }

        private GitRef configRef() {
            return GitRef.of(configBranch, configTag);
        }

        private GitRef checkoutRef() {
            return GitRef.of(checkoutBranch, checkoutTag);
        }

        public Builder definitionId(String definitionId) {
            this.definitionId = blankToNull(definitionId);
            return this;
        }

        /** Adds one parameter; the value must be a string, a boolean or an integer. */
        public Builder parameter(String key, Object value) {
            parameters.put(key, value);
            return this;
        }

        public Builder parameters(Map<String, ?> values) {
            if (values != null) {
                values.forEach(this::parameter);
            }
            return this;
        }

        /** Checks the request against CircleCI's rules and freezes it. */
        public TriggerRequest build() {
            if (branch != null && tag != null) {
                throw new InvalidRequestException("Both a branch ('" + branch + "') and a tag ('" + tag
                        + "') were given.", "CircleCI builds either a branch or a tag: give only one of them.");
            }
            checkSide("config", configBranch, configTag);
            checkSide("checkout", checkoutBranch, checkoutTag);
            if (definitionId == null && (configRef() != null || checkoutRef() != null)) {
                throw new InvalidRequestException("A separate config or checkout ref ("
                        + describeSides() + ") was given without a pipeline definition id.",
                        "Only CircleCI's pipeline/run endpoint takes separate config and checkout refs: give the "
                                + "definition id from Project Settings > Project Setup, or use branch/tag alone.");
            }
            if (definitionId != null && Uuids.canonical(definitionId).isEmpty()) {
                throw new InvalidRequestException("The pipeline definition id '" + definitionId
                        + "' is not a UUID.", "Copy the definition id from Project Settings > Project Setup "
                        + "(Pipelines for Bitbucket Cloud) in the CircleCI app.");
            }
            if (project.isOpaque() && definitionId == null) {
                throw new InvalidRequestException("Project " + project + " is a GitHub App, GitLab or Bitbucket "
                        + "Data Center project, which can only be triggered with a pipeline definition id.",
                        "Give the definition id from Project Settings > Project Setup in the CircleCI app.");
            }
            if (parameters.size() > MAX_PARAMETERS) {
                throw new InvalidRequestException(parameters.size() + " pipeline parameters were given; CircleCI "
                        + "accepts at most " + MAX_PARAMETERS + ".", "Pass fewer parameters.");
            }
            Map<String, Object> checked = new LinkedHashMap<>();
            parameters.forEach((key, value) -> checked.put(checkKey(key), checkValue(key, value)));
            parameters.clear();
            parameters.putAll(checked);
            return new TriggerRequest(this);
        }

        private static void checkSide(String side, String branch, String tag) {
            if (branch != null && tag != null) {
                throw new InvalidRequestException("Both a " + side + " branch ('" + branch + "') and a " + side
                        + " tag ('" + tag + "') were given.", "CircleCI takes either a branch or a tag for the "
                        + side + " ref: give only one of " + side + "Branch and " + side + "Tag.");
            }
        }

        private String describeSides() {
            StringBuilder sb = new StringBuilder();
            if (configRef() != null) {
                sb.append("config ").append(configRef());
            }
            if (checkoutRef() != null) {
                sb.append(sb.length() == 0 ? "" : ", ").append("checkout ").append(checkoutRef());
            }
            return sb.toString();
        }

        private static String checkKey(String key) {
            if (key == null || key.isBlank()) {
                throw new InvalidRequestException("A pipeline parameter has an empty name.",
                        "Name every parameter as it is declared under 'parameters:' in .circleci/config.yml.");
            }
            if (key.length() > MAX_KEY_LENGTH) {
                throw new InvalidRequestException("Pipeline parameter name '" + key.substring(0, 32)
                        + "...' is " + key.length() + " characters long; CircleCI accepts at most "
                        + MAX_KEY_LENGTH + ".", "Shorten the parameter's name.");
            }
            return key;
        }

        private static Object checkValue(String key, Object value) {
            Object normalized;
            if (value instanceof Boolean) {
                normalized = value;
            } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                    || value instanceof Byte) {
                normalized = ((Number) value).longValue();
            } else if (value instanceof BigInteger big && big.bitLength() < 64) {
                normalized = big.longValue();
            } else if (value instanceof CharSequence text) {
                normalized = text.toString();
            } else {
                String type = value == null ? "null" : value.getClass().getSimpleName();
                throw new InvalidRequestException("Pipeline parameter '" + key + "' has a value of type " + type
                        + "; CircleCI accepts only strings, booleans and integers.",
                        "Pass '" + key + "' as a string, a boolean (true/false) or a whole number.");
            }
            if (String.valueOf(normalized).length() > MAX_VALUE_LENGTH) {
                throw new InvalidRequestException("Pipeline parameter '" + key + "' has a value of "
                        + String.valueOf(normalized).length() + " characters; CircleCI accepts at most "
                        + MAX_VALUE_LENGTH + ".", "Shorten the value, or pass a reference to it instead.");
            }
            return normalized;
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }
    }
}
