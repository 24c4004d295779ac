package io.jenkins.plugins.circleci.api;

import io.jenkins.plugins.circleci.api.error.InvalidRequestException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A CircleCI project slug: {@code gh/org/repo}, {@code github/org/repo}, {@code bb/org/repo},
 * {@code bitbucket/org/repo}, or the opaque {@code circleci/<org-id>/<project-id>} of GitHub App, GitLab and
 * Bitbucket Data Center projects. Parsing refuses anything else with a message that shows the accepted forms.
 */
public final class ProjectSlug {
    static final String FORMS = "gh/<org>/<repo>, github/<org>/<repo>, bb/<org>/<repo>, bitbucket/<org>/<repo> "
            + "or circleci/<org-id>/<project-id>";
    // Org and repo names on GitHub/Bitbucket, and CircleCI's opaque ids: letters, digits, '.', '_', '-'.
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");

    private final String vcs;
    private final String org;
    private final String repo;

    private ProjectSlug(String vcs, String org, String repo) {
        this.vcs = vcs;
        this.org = org;
        this.repo = repo;
    }

    /** Parses a slug, also accepting the {@code %2F}-encoded form a user may have copied from a URL. */
    public static ProjectSlug parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException("No CircleCI project slug was given.",
                    "Give the project as " + FORMS + ". It is shown in the project's URL in the CircleCI app.");
        }
        String trimmed = text.trim().replace("%2F", "/").replace("%2f", "/");
        String[] parts = trimmed.split("/", -1);
        if (parts.length != 3) {
            throw malformed(text, "it must have exactly three parts separated by '/'");
        }
        String vcs = parts[0].toLowerCase(Locale.ROOT);
        if (!vcs.equals("gh") && !vcs.equals("github") && !vcs.equals("bb") && !vcs.equals("bitbucket")
                && !vcs.equals("circleci")) {
            throw malformed(text, "'" + parts[0] + "' is not a CircleCI VCS prefix (gh, github, bb, bitbucket, circleci)");
        }
        for (int i = 1; i < 3; i++) {
            if (!SEGMENT.matcher(parts[i]).matches()) {
                throw malformed(text, "'" + parts[i] + "' is not a valid organization or project name");
            }
        }
        return new ProjectSlug(vcs, parts[1], parts[2]);
    }

    private static InvalidRequestException malformed(String text, String why) {
        return new InvalidRequestException("'" + text + "' is not a CircleCI project slug: " + why + ".",
                "Use " + FORMS + ". GitHub App, GitLab and Bitbucket Data Center projects use the circleci/ form: "
                        + "copy it from Project Settings > Overview in the CircleCI app.");
    }

    /** The VCS prefix as given: gh, github, bb, bitbucket or circleci. */
    public String vcs() {
        return vcs;
    }

    /** The provider in CircleCI's short form (gh, bb, circleci), as {@code pipeline/run} expects it. */
    public String provider() {
        return switch (vcs) {
            case "github" -> "gh";
            case "bitbucket" -> "bb";
            default -> vcs;
        };
    }

    /** The provider in the long form CircleCI's web app uses in URLs (github, bitbucket, circleci). */
    public String webProvider() {
        return switch (vcs) {
            case "gh" -> "github";
            case "bb" -> "bitbucket";
            default -> vcs;
        };
    }

    public String org() {
        return org;
    }

    public String repo() {
        return repo;
    }

    /** Whether this is the opaque {@code circleci/...} form, which only {@code pipeline/run} can trigger. */
    public boolean isOpaque() {
        return vcs.equals("circleci");
    }

    /** The slug as the user wrote it, normalised only in its prefix's case. */
    public String value() {
        return vcs + "/" + org + "/" + repo;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProjectSlug other && other.provider().equals(provider()) && other.org.equals(org)
                && other.repo.equals(repo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(provider(), org, repo);
    }

    @Override
    public String toString() {
        return value();
    }
}
