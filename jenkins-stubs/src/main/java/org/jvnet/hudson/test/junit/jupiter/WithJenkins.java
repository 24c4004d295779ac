package org.jvnet.hudson.test.junit.jupiter;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stand-in of jenkins-test-harness's WithJenkins. Upstream it is meta-annotated
 * {@code @ExtendWith(JenkinsExtension.class)}; the stand-in leaves that out so that no extension runs offline (the
 * tests that use it are tagged "jenkins" and excluded from the offline build).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WithJenkins {}
