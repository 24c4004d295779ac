package io.jenkins.plugins.circleci.steps;

import io.jenkins.plugins.circleci.Blank;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What every step of this plugin takes to reach CircleCI: the server and the credentials. Jenkins' data binding finds
 * the setters of a superclass, so the steps declare them once here.
 */
public abstract class CircleCiServerStep extends Step {
    private String credentialsId;
    private String serverUrl;

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Blank.toNull(credentialsId);
    }

    public String getServerUrl() {
        return serverUrl;
    }

    @DataBoundSetter
    public void setServerUrl(String serverUrl) {
        this.serverUrl = Blank.toNull(serverUrl);
    }
}
