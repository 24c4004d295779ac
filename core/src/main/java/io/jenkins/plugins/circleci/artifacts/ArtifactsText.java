package io.jenkins.plugins.circleci.artifacts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Listed artifacts as console lines, the same in Jenkins and the CLI: a count, the first {@link #SHOWN} artifacts with
 * their links, then one WARNING line per part not listed. The full list is in the step's return value and the CLI's
 * {@code --json}.
 */
public final class ArtifactsText {
    static final int SHOWN = 20;

    private ArtifactsText() {}

    /** @param link turns a URL into what the console shows for it (Jenkins: a hyperlink note; the CLI: the URL) */
    public static List<String> lines(CollectedArtifacts collected, UnaryOperator<String> link) {
        List<String> out = new ArrayList<>();
        int count = collected.artifacts().size();
        out.add("CircleCI artifacts: " + count + " listed from " + collected.jobs() + " finished job"
                + (collected.jobs() == 1 ? "" : "s") + (count == 0 ? "." : ":"));
        for (ListedArtifact a : collected.artifacts().subList(0, Math.min(count, SHOWN))) {
            out.add("  " + a.workflow() + "/" + a.job() + " (#" + a.jobNumber() + ")"
                    + (a.nodeIndex() == 0 ? "" : " node " + a.nodeIndex()) + ": " + a.path()
                    // The lister leaves out artifacts without a URL; one built elsewhere still prints, unlinked.
                    + (a.url() == null ? "" : " " + link.apply(a.url())));
        }
        if (count > SHOWN) {
            out.add("  … and " + (count - SHOWN) + " more (all of them are in the returned 'artifacts').");
        }
        collected.warnings().forEach(w -> out.add("WARNING: " + w));
        return out;
    }
}
