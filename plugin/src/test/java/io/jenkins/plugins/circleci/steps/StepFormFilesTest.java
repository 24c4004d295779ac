package io.jenkins.plugins.circleci.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.Introspector;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Every step parameter has a help file (beside its class or a superclass, as Jenkins looks it up) and, unless it is a
 * list or map the form cannot show, a field in the step's Snippet Generator form.
 */
class StepFormFilesTest {
    /** Lists and maps: written in the script only (docs/steps.md says so). */
    private static final Set<String> SCRIPT_ONLY = Set.of("parameters", "workflows", "resultMapping", "approve");

    private static List<String> parameters(Class<?> step) {
        List<String> names = new ArrayList<>();
        for (Constructor<?> c : step.getConstructors()) {
            if (c.isAnnotationPresent(DataBoundConstructor.class)) {
                for (Parameter p : c.getParameters()) {
                    assertThat(p.isNamePresent()).as("compiled with -parameters").isTrue();
                    names.add(p.getName());
                }
            }
        }
        for (Method m : step.getMethods()) {
            if (m.isAnnotationPresent(DataBoundSetter.class)) {
                names.add(Introspector.decapitalize(m.getName().substring(3)));
            }
        }
        return names;
    }

    private static String resource(Class<?> owner, String name) throws IOException {
        for (Class<?> c = owner; c != null; c = c.getSuperclass()) {
            try (InputStream in = c.getResourceAsStream(c.getSimpleName() + "/" + name)) {
                if (in != null) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }

    @ParameterizedTest
    @ValueSource(classes = {CircleCiTriggerStep.class, CircleCiWaitStep.class})
    void everyParameterHasHelpAndAFormField(Class<?> step) throws IOException {
        assertThat(parameters(step)).contains("credentialsId", "artifacts");
        assertHelpAndFormFields(step);
    }

    @org.junit.jupiter.api.Test
    void theTriggerStepOffersTheParameterCheckTickedByDefault() throws IOException {
        assertThat(parameters(CircleCiTriggerStep.class)).contains("validateParameters");
        assertThat(resource(CircleCiTriggerStep.class, "config.jelly"))
                .containsPattern("field=\"validateParameters\">\\s*<f:checkbox [^>]*default=\"true\"");
        assertThat(resource(CircleCiTriggerStep.class, "help-validateParameters.html"))
                .contains("validateParameters: false");
    }

    @org.junit.jupiter.api.Test
    void theArtifactStepToo() throws IOException {
        assertThat(parameters(CircleCiArtifactStep.class)).containsExactlyInAnyOrder("url", "credentialsId",
                "serverUrl", "json", "maxBytes");
        assertThat(resource(CircleCiArtifactStep.class, "help.html")).contains("circleciArtifact url:");
        assertHelpAndFormFields(CircleCiArtifactStep.class);
    }

    private static void assertHelpAndFormFields(Class<?> step) throws IOException {
        String form = resource(step, "config.jelly");
        assertThat(form).as("config.jelly of " + step.getSimpleName()).isNotNull();
        List<String> names = parameters(step);
        for (String name : names) {
            assertThat(resource(step, "help-" + name + ".html")).as("help-" + name + ".html of "
                    + step.getSimpleName()).isNotBlank();
            if (!SCRIPT_ONLY.contains(name)) {
                assertThat(form).as("a form field for " + name + " in " + step.getSimpleName())
                        .contains("field=\"" + name + "\"");
            }
        }
    }
}
