package io.jenkins.plugins.circleci.preflight;

import java.util.List;

/**
 * One pipeline parameter as the config declares it under the top-level {@code parameters:}.
 *
 * @param name       its name
 * @param type       {@code string}, {@code boolean}, {@code integer} or {@code enum} (CircleCI's pipeline parameter
 *                   types); null when the config gives none, anything else as written
 * @param allowed    for {@code enum}, the allowed values as text; null when the config gives no list
 * @param hasDefault whether the config gives a {@code default}; CircleCI requires a value for one without
 */
public record DeclaredParameter(String name, String type, List<String> allowed, boolean hasDefault) {
    public DeclaredParameter {
        allowed = allowed == null ? null : List.copyOf(allowed);
    }

    /** "deploy-env (enum: dev, prod)", "replicas (integer, required)", for the list of what is declared. */
    public String describe() {
        StringBuilder sb = new StringBuilder(name).append(" (").append(type == null ? "no type" : type);
        if ("enum".equals(type) && allowed != null) {
            sb.append(": ").append(String.join(", ", allowed));
        }
        if (!hasDefault) {
            sb.append(", required");
        }
        return sb.append(')').toString();
    }
}
