package com.cloudbees.plugins.credentials.domains;

import java.util.List;

/** Stand-in of the credentials plugin's URIRequirementBuilder. */
public class URIRequirementBuilder {
    private URIRequirementBuilder() {}

    public static URIRequirementBuilder fromUri(String uri) {
        throw new UnsupportedOperationException("stand-in");
    }

    public List<DomainRequirement> build() {
        throw new UnsupportedOperationException("stand-in");
    }
}
